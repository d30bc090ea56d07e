package dev.rolehop.engine.vault;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The vault secrets of a run and the decryption ansible-core's {@code VaultLib} does with them:
 * every file the engine loads goes through {@link #decryptIfEncrypted}, as through Ansible's
 * {@code DataLoader}, and {@code !vault} values decrypt through {@link #decrypt} when used.
 *
 * <p>Secrets are tried in the order given; a text's label (format 1.2) only narrows them when
 * {@code vault_id_match} is set, as in ansible-core 2.14 (the label is not authenticated).
 */
public final class Vault {

    /** No secrets: encrypted data fails with Ansible's "no vault secrets found". */
    public static final Vault NONE = new Vault(List.of(), false);

    private final List<VaultSecret> secrets;
    private final boolean labelMustMatch;

    /**
     * @param secrets        the secrets in the order they were given
     * @param labelMustMatch {@code vault_id_match}: try only the secrets of the text's label
     */
    public Vault(List<VaultSecret> secrets, boolean labelMustMatch) {
        this.secrets = List.copyOf(secrets);
        this.labelMustMatch = labelMustMatch;
    }

    /** Whether data is vault text. */
    public static boolean isEncrypted(byte[] data) {
        return VaultText.isEncrypted(data);
    }

    /** Whether text is vault text. */
    public static boolean isEncrypted(String text) {
        return isEncrypted(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The data itself, or its plaintext when it is vault text.
     *
     * @param source the file the data came from, named in errors
     * @throws VaultError when it is vault text no secret decrypts
     */
    public byte[] decryptIfEncrypted(byte[] data, String source) {
        return isEncrypted(data) ? decrypt(new String(data, StandardCharsets.US_ASCII), source) : data;
    }

    /**
     * The plaintext of vault text.
     *
     * @param source the file the text came from, named in errors, or {@code null}
     * @throws VaultError without secrets, with a cipher other than AES256, or when no secret decrypts
     */
    public byte[] decrypt(String vaultText, String source) {
        VaultText text = VaultText.parse(vaultText);
        if (!text.cipher().equals(VaultAes256.NAME)) {
            throw new VaultError(text.cipher() + " cipher could not be found");
        }
        if (secrets.isEmpty()) {
            throw new VaultError("Attempting to decrypt but no vault secrets found");
        }
        for (VaultSecret secret : candidates(text.label())) {
            Optional<byte[]> plaintext = VaultAes256.decrypt(text, secret.password());
            if (plaintext.isPresent()) {
                return plaintext.get();
            }
        }
        throw new VaultError("Decryption failed (no vault secrets were found that could decrypt)"
                + (source == null ? "" : " on " + source));
    }

    /**
     * The secrets to try, in the order given (Ansible's {@code match_secrets} keeps it): all of
     * them, or with {@code vault_id_match} those of the text's label.
     */
    private List<VaultSecret> candidates(String label) {
        return labelMustMatch
                ? secrets.stream().filter(s -> s.label().equals(label)).toList()
                : secrets;
    }
}
