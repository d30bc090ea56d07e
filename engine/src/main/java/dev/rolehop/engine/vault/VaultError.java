package dev.rolehop.engine.vault;

import dev.rolehop.engine.error.AnsibleError;

/** A vault secret that cannot be read, or vault text that cannot be decrypted; worded as Ansible's. */
public final class VaultError extends AnsibleError {

    private static final long serialVersionUID = 1L;

    public VaultError(String message) {
        super(message);
    }
}
