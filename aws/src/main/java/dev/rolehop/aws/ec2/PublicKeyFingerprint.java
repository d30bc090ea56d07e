package dev.rolehop.aws.ec2;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The fingerprint EC2 gives an imported OpenSSH public key ({@code ssh-rsa AAAA... comment} or
 * {@code ssh-ed25519 AAAA...}), computed here so that {@code ec2_key} need not import the key under
 * a temporary name to learn it: for RSA, the MD5 of the DER public key (SubjectPublicKeyInfo) as
 * colon-separated hex; for ED25519, the base64 SHA-256 of the key blob, padded with {@code =}.
 * Anything else (other formats, RSA lengths EC2 refuses, a damaged key) is left to EC2.
 */
final class PublicKeyFingerprint {

    private static final int MIN_RSA_BITS = 1024;
    private static final int MAX_RSA_BITS = 4096;

    private PublicKeyFingerprint() {}

    /** EC2's fingerprint of the key, or empty when only EC2 can tell (or refuse it). */
    static Optional<String> of(String material) {
        String[] fields = material.trim().split("\\s+");
        if (fields.length < 2) {
            return Optional.empty();
        }
        try {
            byte[] blob = Base64.getDecoder().decode(fields[1]);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob));
            String type = new String(field(in), StandardCharsets.US_ASCII);
            if (!type.equals(fields[0])) {
                return Optional.empty();
            }
            return switch (type) {
                case "ssh-rsa" -> rsa(new BigInteger(field(in)), new BigInteger(field(in)));
                case "ssh-ed25519" ->
                    field(in).length == 32 && in.available() == 0
                            ? Optional.of(Base64.getEncoder().encodeToString(digest("SHA-256", blob)))
                            : Optional.empty();
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> rsa(BigInteger exponent, BigInteger modulus) {
        int bits = modulus.bitLength();
        if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS || exponent.signum() <= 0) {
            return Optional.empty();
        }
        try {
            byte[] der = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(modulus, exponent))
                    .getEncoded();
            return Optional.of(HexFormat.ofDelimiter(":").formatHex(digest("MD5", der)));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** One length-prefixed field of the SSH wire format. */
    private static byte[] field(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("truncated key blob");
        }
        return in.readNBytes(length);
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JVM", e);
        }
    }
}
