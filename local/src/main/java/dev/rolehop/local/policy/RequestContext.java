package dev.rolehop.local.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a policy is evaluated against: the action, the resource ARN, the calling principal
 * and IAM's condition context keys ({@code aws:MultiFactorAuthPresent}, {@code sts:ExternalId}, ...).
 *
 * @param principalArns the ARNs a {@code Principal} element may name for this caller: for a
 *                      user its ARN; for an assumed-role session the session ARN and the role ARN;
 *                      for a web identity the OIDC provider's ARN; for an AWS service its name
 *                      ({@code ec2.amazonaws.com})
 * @param principalAccount the caller's account id (matches {@code "AWS": "ACCOUNT"} and root ARNs),
 *                      null for a web identity
 * @param keys condition keys (names compared case-insensitively, as IAM does)
 * @param principalType the key of the {@code Principal} element naming such a caller: {@code AWS}
 *                      for IAM principals, {@code Federated} for a web identity, {@code Service} for an AWS service
 */
public record RequestContext(
        String action,
        String resource,
        List<String> principalArns,
        String principalAccount,
        Map<String, List<String>> keys,
        String principalType) {

    /** The {@code Principal} key of IAM users and roles. */
    public static final String AWS = "AWS";

    /** The {@code Principal} key of identity providers (web identity, SAML). */
    public static final String FEDERATED = "Federated";

    /** The {@code Principal} key of AWS services acting on a customer's behalf (EC2 for an instance profile). */
    public static final String SERVICE = "Service";

    public RequestContext {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(principalType, "principalType");
        principalArns = List.copyOf(principalArns);
        keys = Map.copyOf(keys);
    }

    /** The context of a request by an IAM principal (a user or a role session). */
    public RequestContext(
            String action,
            String resource,
            List<String> principalArns,
            String principalAccount,
            Map<String, List<String>> keys) {
        this(action, resource, principalArns, principalAccount, keys, AWS);
    }

    /** The context of a web identity federated through the OIDC provider {@code providerArn}. */
    public static RequestContext federated(
            String action, String resource, String providerArn, Map<String, List<String>> keys) {
        return new RequestContext(action, resource, List.of(providerArn), null, keys, FEDERATED);
    }

    /** The context of an AWS service ({@code ec2.amazonaws.com}) acting in no account of the world. */
    public static RequestContext service(
            String action, String resource, String serviceName, Map<String, List<String>> keys) {
        return new RequestContext(action, resource, List.of(serviceName), null, keys, SERVICE);
    }

    /** The values of a condition key, or null when the request does not carry it. */
    public List<String> key(String name) {
        for (Map.Entry<String, List<String>> e : keys.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
