package dev.rolehop.creds.cache;

import dev.rolehop.python.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The AWS CLI's cache file name for an assumed role: the SHA-1 (hex) of
 * {@code json.dumps(args, sort_keys=True)} where {@code args} are the AssumeRole parameters
 * botocore's {@code AssumeRoleCredentialFetcher} keys on: {@code RoleArn}, and when configured
 * {@code ExternalId}, {@code RoleSessionName}, {@code SerialNumber}, {@code DurationSeconds} (a
 * number). A generated session name is left out, so every run finds the same file.
 */
public final class CacheKey {

    private CacheKey() {}

    /** The cache key of AssumeRole arguments, as botocore computes it. */
    public static String of(Map<String, Object> assumeRoleArgs) {
        return sha1(Json.dumps().sortKeys(true).write(assumeRoleArgs));
    }

    /**
     * The key of arguments in the compact JSON form ({@code separators=(',', ':')}) botocore's
     * {@code SSOCredentialFetcher} hashes.
     */
    public static String ofCompact(Map<String, Object> args) {
        return sha1(Json.dumps().sortKeys(true).separators(",", ":").write(args));
    }

    private static String sha1(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(json.getBytes(StandardCharsets.UTF_8));
            // botocore's _make_file_safe replaces ':' and '/' too; a hex digest has neither.
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
