package dev.rolehop.local.iam;

import dev.rolehop.local.policy.PolicyParser;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Checks the policy documents IAM is given (JSON text) with the grammar the evaluator enforces,
 * so every stored document can be evaluated; a bad one is IAM's {@code MalformedPolicyDocument}.
 */
public final class PolicyText {

    private PolicyText() {}

    /** Checks a permission policy (Resource required, no Principal). */
    public static String permissions(String text) {
        return check(text, false);
    }

    /** Checks a trust policy (Principal required, no Resource). */
    static String trust(String text) {
        return check(text, true);
    }

    private static String check(String text, boolean trust) {
        if (!text.strip().startsWith("{")) {
            // The parser reads YAML too; IAM takes JSON only.
            throw syntax();
        }
        try {
            PolicyParser.parse(text, trust);
            return text;
        } catch (IllegalArgumentException e) {
            throw AwsErrorCode.MALFORMED_POLICY_DOCUMENT.error(e.getMessage());
        } catch (YAMLException | ClassCastException e) {
            throw syntax();
        }
    }

    private static AwsException syntax() {
        return AwsErrorCode.MALFORMED_POLICY_DOCUMENT.error("Syntax errors in policy.");
    }
}
