package dev.rolehop.local.world;

import java.util.List;
import java.util.Objects;

/** An IAM user: access keys, assigned virtual MFA devices and inline policies. */
public record User(
        String name, String accountId, List<AccessKey> accessKeys, List<MfaDevice> mfaDevices, List<Policy> policies) {

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accountId, "accountId");
        accessKeys = List.copyOf(accessKeys);
        mfaDevices = List.copyOf(mfaDevices);
        policies = List.copyOf(policies);
    }

    /** The user's ARN, {@code arn:aws:iam::ACCOUNT:user/NAME}. */
    public String arn() {
        return "arn:aws:iam::" + accountId + ":user/" + name;
    }

    /** The user's stable unique id ({@code AIDA...}), as IAM shows it. */
    public String userId() {
        return Ids.stable("AIDA", arn());
    }
}
