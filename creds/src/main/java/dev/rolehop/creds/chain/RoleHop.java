package dev.rolehop.creds.chain;

import dev.rolehop.creds.ChainStep;
import dev.rolehop.creds.cache.CacheKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code AssumeRole} call of a chain, with the settings of the profile that names the role.
 *
 * @param profile the profile holding {@code role_arn}
 * @param roleArn the role to assume
 * @param externalId {@code external_id}, or {@code null}
 * @param roleSessionName {@code role_session_name}, or {@code null} (rolehop then sends
 *     {@code rolehop-<epoch-millis>}, and the name stays out of the cache key)
 * @param mfaSerial {@code mfa_serial}, or {@code null}
 * @param durationSeconds {@code duration_seconds}, or {@code null} (STS's default, one hour)
 * @param mfaProcess {@code mfa_process}, a command printing an MFA code, or {@code null}
 */
public record RoleHop(
        String profile,
        String roleArn,
        String externalId,
        String roleSessionName,
        String mfaSerial,
        Integer durationSeconds,
        String mfaProcess) {

    /** Validates the mandatory parts. */
    public RoleHop {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(roleArn, "roleArn");
    }

    /** The hop as an explain step. */
    public ChainStep step() {
        return new ChainStep.AssumeRole(roleArn, externalId, roleSessionName, mfaSerial, durationSeconds);
    }

    /** What this hop's MFA code is for; {@code null} when it has no {@code mfa_serial}. */
    public MfaNeed mfaNeed() {
        return mfaSerial == null ? null : new MfaNeed(profile, mfaSerial, mfaProcess, "role " + roleArn);
    }

    /**
     * The AWS CLI's cache key of this hop ({@link CacheKey}): the AssumeRole parameters botocore
     * keys on, each only when configured.
     */
    public String cacheKey() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("RoleArn", roleArn);
        if (externalId != null) {
            args.put("ExternalId", externalId);
        }
        if (roleSessionName != null) {
            args.put("RoleSessionName", roleSessionName);
        }
        if (mfaSerial != null) {
            args.put("SerialNumber", mfaSerial);
        }
        if (durationSeconds != null) {
            args.put("DurationSeconds", durationSeconds);
        }
        return CacheKey.of(args);
    }
}
