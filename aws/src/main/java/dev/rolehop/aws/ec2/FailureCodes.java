package dev.rolehop.aws.ec2;

import dev.rolehop.engine.module.ModuleFailure;
import java.util.Map;

/** The AWS error code behind a failed call, for modules that handle some codes themselves as amazon.aws does. */
final class FailureCodes {

    private FailureCodes() {}

    /** AWS's error code, or {@code ""} when the failure did not come from an AWS error response. */
    static String of(ModuleFailure failure) {
        return failure.values().get("error") instanceof Map<?, ?> error && error.get("code") instanceof String code
                ? code
                : "";
    }
}
