package dev.rolehop.local.world;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Makes AWS-shaped identifiers: stable ones derived from a name, and random ones. */
public final class Ids {

    private static final char[] UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** An IAM-style unique id ({@code AIDA}/{@code AROA} + 17 upper-case characters) from a seed. */
    public static String stable(String prefix, String seed) {
        byte[] hash = sha256(seed);
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            out.append(UPPER[(hash[i] & 0xff) % UPPER.length]);
        }
        return out.toString();
    }

    /** An EC2-style id ({@code vpc-}, {@code subnet-}, ... + 17 hex digits) from a seed. */
    public static String stableHex(String prefix, String seed) {
        byte[] hash = sha256(seed);
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            out.append(HEX[(hash[i] & 0xff) % 16]);
        }
        return out.toString();
    }

    /** A random EC2-style id ({@code sg-} + 17 hex digits). */
    public static String randomHex(String prefix) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            out.append(HEX[RANDOM.nextInt(16)]);
        }
        return out.toString();
    }

    /** A random upper-case id of the given length after the prefix (access key ids). */
    public static String randomUpper(String prefix, int length) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            out.append(UPPER[RANDOM.nextInt(UPPER.length)]);
        }
        return out.toString();
    }

    /** Random base64 text of the given number of random bytes (secrets, session tokens). */
    public static String randomSecret(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return java.util.Base64.getEncoder().encodeToString(raw);
    }

    /** Random base64url text (no padding) of the given number of random bytes, safe in a URL as is. */
    public static String randomUrlSafe(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static byte[] sha256(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
