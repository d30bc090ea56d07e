package dev.rolehop.engine.vault;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Ansible Vault's envelope, parsed as ansible-core's {@code parse_vaulttext_envelope} and
 * {@code parse_vaulttext} read it: a header line {@code $ANSIBLE_VAULT;1.1;AES256} (1.2 adds
 * {@code ;label}), then hex lines whose bytes are three more hex lines: salt, HMAC, ciphertext.
 *
 * @param cipher     the cipher the header names ({@code AES256})
 * @param label      the vault id the header names, or {@code null} (format 1.1)
 * @param salt       the PBKDF2 salt
 * @param hmac       the HMAC-SHA256 of the ciphertext
 * @param ciphertext the AES-256-CTR ciphertext of the PKCS7-padded plaintext
 */
record VaultText(String cipher, String label, byte[] salt, byte[] hmac, byte[] ciphertext) {

    static final String HEADER = "$ANSIBLE_VAULT";

    /** Whether data is vault text: ASCII that starts with the header, as Ansible's {@code is_encrypted}. */
    static boolean isEncrypted(byte[] data) {
        if (data.length < HEADER.length()) {
            return false;
        }
        for (byte b : data) {
            if (b < 0) {
                return false;
            }
        }
        return new String(data, 0, HEADER.length(), StandardCharsets.US_ASCII).equals(HEADER);
    }

    /** Parses vault text known to start with the header; {@code source} names it in errors. */
    static VaultText parse(String text) {
        String[] lines = text.strip().split("\\r?\\n|\\r");
        String[] header = lines[0].strip().split(";");
        if (header.length < 3) {
            throw new VaultError("Vault envelope format error");
        }
        String label = header.length >= 4 ? header[3].strip() : null;
        StringBuilder body = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            body.append(lines[i].strip());
        }
        try {
            String[] parts = new String(HexFormat.of().parseHex(body), StandardCharsets.US_ASCII).split("\n", 3);
            if (parts.length != 3) {
                throw new VaultError("Vault vaulttext format error: not enough values to unpack");
            }
            HexFormat hex = HexFormat.of();
            return new VaultText(
                    header[2].strip(), label, hex.parseHex(parts[0]), hex.parseHex(parts[1]), hex.parseHex(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new VaultError("Vault format unhexlify error: Non-hexadecimal digit found");
        }
    }
}
