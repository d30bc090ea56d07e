package dev.rolehop.engine.vault;

import java.nio.charset.StandardCharsets;

/**
 * A {@code !vault} value of a YAML file (Ansible's {@code AnsibleVaultEncryptedUnicode}): it
 * stays encrypted until a template uses it, so a value no secret decrypts fails only the task
 * that reads it. {@link #toString()} never shows the plaintext.
 */
public final class EncryptedString {

    private final String vaultText;
    private final Vault vault;

    public EncryptedString(String vaultText, Vault vault) {
        this.vaultText = vaultText;
        this.vault = vault;
    }

    /**
     * The decrypted value.
     *
     * @throws VaultError when no secret of the run decrypts it
     */
    public String plaintext() {
        return new String(vault.decrypt(vaultText, null), StandardCharsets.UTF_8);
    }

    /** The vault text, as Ansible dumps an encrypted value it has not decrypted. */
    public String vaultText() {
        return vaultText;
    }

    @Override
    public String toString() {
        return vaultText;
    }
}
