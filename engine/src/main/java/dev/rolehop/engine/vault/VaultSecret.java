package dev.rolehop.engine.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One vault password and the vault id (label) it was given under. {@link #toString()} names the
 * label only, so that the password never reaches a message or a log.
 */
public final class VaultSecret {

    private final String label;
    private final char[] password;

    /** A secret from the bytes of a password file, a script's output or a prompt, read as UTF-8. */
    public VaultSecret(String label, byte[] password) {
        this.label = label;
        var chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(password));
        this.password = new char[chars.remaining()];
        chars.get(this.password);
    }

    public String label() {
        return label;
    }

    /** A copy of the password, for one key derivation. */
    char[] password() {
        return password.clone();
    }

    @Override
    public String toString() {
        return "VaultSecret(" + label + ")";
    }
}
