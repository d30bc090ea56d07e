package dev.rolehop.local.sts;

import dev.rolehop.local.auth.Caller;
import dev.rolehop.local.auth.Totp;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.Validation;
import dev.rolehop.local.world.MfaDevice;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the {@code SerialNumber} and {@code TokenCode} of an STS call against the caller's
 * assigned virtual MFA device: the code of the current step or one step either side, each
 * step accepted once per device, with STS's messages for every failure.
 */
final class MfaCheck {

    private static final Pattern SERIAL = Pattern.compile("[\\w+=/:,.@-]{9,256}");
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private MfaCheck() {}

    /** The MFA time when a valid code was given, empty when the call has no MFA parameters. */
    static Optional<Instant> verify(QueryParams params, Caller caller, WorldState state, Instant now) {
        Optional<String> serial = params.get("SerialNumber");
        Optional<String> code = params.get("TokenCode");
        if (serial.isEmpty() && code.isEmpty()) {
            return Optional.empty();
        }
        if (serial.isEmpty() || code.isEmpty()) {
            throw AwsErrorCode.ACCESS_DENIED.error(
                    "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.");
        }
        if (!SERIAL.matcher(serial.get()).matches()) {
            throw Validation.error(
                    serial.get(), "serialNumber", "Member must satisfy regular expression pattern: [\\w+=/:,.@-]*");
        }
        if (!CODE.matcher(code.get()).matches()) {
            throw Validation.error(
                    code.get(),
                    "tokenCode",
                    code.get().length() != 6
                            ? "Member must have length " + (code.get().length() < 6 ? "greater" : "less")
                                    + " than or equal to 6"
                            : "Member must satisfy regular expression pattern: [\\d]*");
        }
        Optional<MfaDevice> device = caller.user() == null
                ? Optional.empty()
                : caller.user().mfaDevices().stream()
                        .filter(d -> d.serial().equals(serial.get()))
                        .findFirst();
        if (device.isEmpty()) {
            throw AwsErrorCode.ACCESS_DENIED.error("MultiFactorAuthentication failed, unable to validate MFA code.  "
                    + "Please verify your MFA serial number is valid and associated with this user.");
        }
        long step = Totp.step(now);
        for (long s = step - 1; s <= step + 1; s++) {
            if (Totp.code(device.get().seed(), Instant.ofEpochSecond(s * Totp.STEP.getSeconds()))
                    .equals(code.get())) {
                if (state.useMfaStep(device.get().serial(), s)) {
                    return Optional.of(now);
                }
                break;
            }
        }
        throw AwsErrorCode.ACCESS_DENIED.error("MultiFactorAuthentication failed with invalid MFA one time pass code.");
    }
}
