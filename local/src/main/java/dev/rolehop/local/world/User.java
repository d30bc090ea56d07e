package dev.rolehop.local.world;

import java.util.List;
import java.util.Objects;

/**
 * An IAM user: active access keys, enabled virtual MFA devices and permission policies (inline,
 * and for a created user the default versions of its attached managed policies).
 *
 * @param path the user's IAM path, {@code /} or {@code /a/b/}: part of its ARN
 */
public record User(
        String name,
        String accountId,
        List<AccessKey> accessKeys,
        List<MfaDevice> mfaDevices,
        List<Policy> policies,
        String path) {

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accountId, "accountId");
        accessKeys = List.copyOf(accessKeys);
        mfaDevices = List.copyOf(mfaDevices);
        policies = List.copyOf(policies);
        Objects.requireNonNull(path, "path");
    }

    /** A user at path {@code /} (every user of the world file). */
    public User(
            String name,
            String accountId,
            List<AccessKey> accessKeys,
            List<MfaDevice> mfaDevices,
            List<Policy> policies) {
        this(name, accountId, accessKeys, mfaDevices, policies, "/");
    }

    /** The user's ARN, {@code arn:aws:iam::ACCOUNT:user/PATH/NAME} (no path part for {@code /}). */
    public String arn() {
        return "arn:aws:iam::" + accountId + ":user" + path + name;
    }

    /** The user's stable unique id ({@code AIDA...}), as IAM shows it. */
    public String userId() {
        return Ids.stable("AIDA", arn());
    }
}
