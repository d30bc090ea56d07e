package dev.rolehop.creds.chain;

import dev.rolehop.creds.ChainStep;
import dev.rolehop.creds.cache.CacheKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An STS GetSessionToken call with an MFA code, made with a user's long-term keys because the
 * user's profile sets {@code mfa_serial}: its session carries the MFA context, so every role
 * assumed with it passes an MFA-guarded trust policy without another code, and it is cached so
 * that one code serves every role chained from that user until the session ends.
 *
 * @param profile the user's profile (holding the keys and {@code mfa_serial})
 * @param accessKeyId the long-term key the session is for (part of the cache key, never a secret)
 * @param mfaSerial the MFA device
 * @param durationSeconds {@code rolehop_session_duration_seconds}, or {@code null} (STS's default:
 *     12 hours for an IAM user)
 * @param mfaProcess the profile's {@code mfa_process}, or {@code null}
 */
public record MfaSession(
        String profile, String accessKeyId, String mfaSerial, Integer durationSeconds, String mfaProcess) {

    /** Validates the mandatory parts. */
    public MfaSession {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(mfaSerial, "mfaSerial");
    }

    /** The session as an explain step. */
    public ChainStep step() {
        return new ChainStep.GetSessionToken(mfaSerial, durationSeconds);
    }

    /** What the session's MFA code is for. */
    public MfaNeed mfaNeed() {
        return new MfaNeed(profile, mfaSerial, mfaProcess, "the MFA session of access key " + accessKeyId);
    }

    /**
     * The session's entry in the shared cache directory. The AWS CLI caches no GetSessionToken
     * session; the key hashes the call's arguments like botocore's keys but always without
     * {@code RoleArn} and with a {@code rolehop} marker, so it can never name one of the AWS CLI's
     * entries.
     */
    public String cacheKey() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("rolehop", "GetSessionToken");
        args.put("AccessKeyId", accessKeyId);
        args.put("SerialNumber", mfaSerial);
        if (durationSeconds != null) {
            args.put("DurationSeconds", durationSeconds);
        }
        return CacheKey.of(args);
    }
}
