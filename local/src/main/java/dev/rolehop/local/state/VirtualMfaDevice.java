package dev.rolehop.local.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A virtual MFA device created through IAM: unassigned until enabled for a user.
 *
 * @param serial the device's ARN, {@code arn:aws:iam::ACCOUNT:mfa/PATH/NAME}
 * @param seed the base32 TOTP seed
 * @param userName the user it is enabled for, or null
 * @param enableDate when it was enabled, or null
 */
public record VirtualMfaDevice(
        String accountId, String serial, String seed, String userName, Instant enableDate, Instant createDate)
        implements IamEntity {

    public VirtualMfaDevice {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(createDate, "createDate");
    }

    /** The key of the device with this serial ARN. */
    public static String key(String serial) {
        return "mfa/" + serial;
    }

    @Override
    public String key() {
        return key(serial);
    }

    /** This device enabled for a user at a time, or (both null) deactivated. */
    public VirtualMfaDevice withUser(String newUserName, Instant when) {
        return RecordCodec.with(this, "userName", newUserName, "enableDate", when);
    }

    @Override
    public String toString() {
        return "VirtualMfaDevice[serial=" + serial + ", seed=<redacted>, user=" + userName + "]";
    }
}
