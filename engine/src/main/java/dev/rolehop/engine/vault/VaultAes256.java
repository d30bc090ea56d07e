package dev.rolehop.engine.vault;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ansible Vault's AES256 cipher ({@code VaultAES256}): PBKDF2-HMAC-SHA256 with 10000 iterations
 * derives 80 bytes from the password and salt (an AES-256 key, an HMAC-SHA256 key, a 16-byte
 * counter block); the HMAC of the ciphertext is checked in constant time before AES-256-CTR
 * decrypts it and the PKCS7 padding is removed.
 */
final class VaultAes256 {

    static final String NAME = "AES256";
    private static final int ITERATIONS = 10_000;
    private static final int KEY_LENGTH = 32;
    private static final int IV_LENGTH = 16;
    private static final int BLOCK = 16;

    private VaultAes256() {}

    /** The plaintext, or empty when the password does not match the text's HMAC. */
    static Optional<byte[]> decrypt(VaultText text, char[] password) {
        try {
            byte[] derived = derive(password, text.salt());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derived, KEY_LENGTH, KEY_LENGTH, "HmacSHA256"));
            if (!MessageDigest.isEqual(mac.doFinal(text.ciphertext()), text.hmac())) {
                return Optional.empty();
            }
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(derived, 0, KEY_LENGTH, "AES"),
                    new IvParameterSpec(derived, 2 * KEY_LENGTH, IV_LENGTH));
            return Optional.of(unpad(aes.doFinal(text.ciphertext())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + e.getMessage(), e);
        }
    }

    private static byte[] derive(char[] password, byte[] salt) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, (2 * KEY_LENGTH + IV_LENGTH) * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    /** Removes PKCS7 padding; a text whose HMAC matched but whose padding is bad is corrupt. */
    private static byte[] unpad(byte[] padded) {
        int pad = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > padded.length) {
            throw new VaultError("Decryption failed (invalid padding)");
        }
        for (int i = padded.length - pad; i < padded.length; i++) {
            if ((padded[i] & 0xff) != pad) {
                throw new VaultError("Decryption failed (invalid padding)");
            }
        }
        return Arrays.copyOf(padded, padded.length - pad);
    }
}
