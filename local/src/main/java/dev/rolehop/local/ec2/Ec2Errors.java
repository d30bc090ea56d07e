package dev.rolehop.local.ec2;

import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;

/** EC2's error messages that follow one pattern across resources, in AWS's words. */
final class Ec2Errors {

    private Ec2Errors() {}

    /** {@code InvalidParameterValue}: "Value (V) for parameter P is invalid. WHY" */
    static AwsException invalidValue(String value, String parameter, String why) {
        return AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                "Value (" + value + ") for parameter " + parameter + " is invalid. " + why);
    }

    /** A {@code *.NotFound} error: "The TYPE ID 'ID' does not exist" (e.g. {@code routeTable}). */
    static AwsException notFound(AwsErrorCode code, String type, String id) {
        return code.error("The " + type + " ID '" + id + "' does not exist");
    }

    /** {@code DependencyViolation}: "The TYPE 'ID' has dependencies and cannot be deleted." */
    static AwsException dependencies(String type, String id) {
        return AwsErrorCode.DEPENDENCY_VIOLATION.error(
                "The " + type + " '" + id + "' has dependencies and cannot be deleted.");
    }
}
