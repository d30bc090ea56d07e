package dev.rolehop.creds.chain;

import java.util.Objects;

/**
 * A call that needs an MFA code: which profile asks, the device, the profile's {@code mfa_process}
 * and, for messages, what the code is for.
 *
 * @param profile the profile holding {@code mfa_serial}
 * @param serial the device's serial number or ARN ({@code mfa_serial})
 * @param mfaProcess the profile's {@code mfa_process} command, or {@code null}
 * @param purpose what needs the code, e.g. {@code "role arn:aws:iam::...:role/x"}; messages read
 *     {@code profile 'P': <purpose> requires an MFA code from <serial>}
 */
public record MfaNeed(String profile, String serial, String mfaProcess, String purpose) {

    /** Validates the mandatory parts. */
    public MfaNeed {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(purpose, "purpose");
    }
}
