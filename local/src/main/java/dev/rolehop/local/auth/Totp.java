package dev.rolehop.local.auth;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import dev.rolehop.local.world.Base32;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;

/** The codes of a virtual MFA device: RFC 6238 TOTP, HMAC-SHA1, 6 digits, 30-second steps. */
public final class Totp {

    /** The step length of AWS virtual MFA devices. */
    public static final Duration STEP = Duration.ofSeconds(30);

    private static final TimeBasedOneTimePasswordGenerator GENERATOR =
            new TimeBasedOneTimePasswordGenerator(STEP, 6, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    private Totp() {}

    /** The 6-digit code (zero-padded) of a base32 seed at an instant. */
    public static String code(String base32Seed, Instant at) {
        SecretKeySpec key = new SecretKeySpec(Base32.decode(base32Seed), "HmacSHA1");
        try {
            return String.format("%06d", GENERATOR.generateOneTimePassword(key, at));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("the MFA seed cannot be used as an HMAC-SHA1 key", e);
        }
    }

    /** The TOTP time step an instant falls in. */
    public static long step(Instant at) {
        return at.getEpochSecond() / STEP.getSeconds();
    }
}
