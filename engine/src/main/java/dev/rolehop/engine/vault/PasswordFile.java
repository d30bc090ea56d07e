package dev.rolehop.engine.vault;

import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.python.PythonRepr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A vault password file as ansible-core's {@code get_file_vault_secret} reads it: a plain file's
 * content, or, for an executable file, what the script prints on stdout (its stderr goes to the
 * terminal, where it may prompt); a script named {@code *-client[.ext]} is asked for the label
 * with {@code --vault-id LABEL}. Surrounding whitespace and line ends are dropped; an empty
 * password is refused. The password itself never appears in a message.
 */
final class PasswordFile {

    /** Ansible's exit status of a client script that has no secret for the label. */
    private static final int UNKNOWN_LABEL = 2;

    private final Path path;
    private final String label;

    private PasswordFile(Path path, String label) {
        this.path = path;
        this.label = label;
    }

    /**
     * The password file {@code file} names, relative to {@code cwd}.
     *
     * @param label the label given with it ({@code label@FILE}), or {@code null}
     * @throws Unavailable when it does not exist
     */
    static PasswordFile of(String file, String label, Path cwd, Map<String, String> settings) {
        Path path = VaultSecrets.unfrack(file, cwd, settings);
        if (!Files.exists(path)) {
            throw new Unavailable(
                    "Error getting vault password file",
                    new AnsibleError("The vault password file " + path + " was not found"));
        }
        return new PasswordFile(path, label);
    }

    /**
     * The password.
     *
     * @throws Unavailable when the file cannot be read, the script fails or the password is empty
     */
    byte[] read() {
        try {
            return Files.isExecutable(path) && Files.isRegularFile(path) ? run() : content();
        } catch (AnsibleError e) {
            throw new Unavailable("Error in vault password file loading", e);
        }
    }

    private byte[] content() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new AnsibleError("Could not read vault password file " + path + ": " + e.getMessage());
        }
        return nonEmpty(strip(bytes), "Invalid vault password was provided from file (" + path + ")");
    }

    private byte[] run() {
        boolean client = isClient();
        List<String> command = new ArrayList<>(List.of(path.toString()));
        if (client && label != null) {
            command.addAll(List.of("--vault-id", label));
        }
        String kind = client ? "Vault password client script " : "Vault password script ";
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(client ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            throw new AnsibleError(
                    "Problem running " + kind.toLowerCase(java.util.Locale.ROOT).strip() + " " + path + " ("
                            + e.getMessage() + "). If this is not a script, remove the executable bit from the file.");
        }
        byte[] stdout;
        String stderr;
        int status;
        try {
            stdout = process.getInputStream().readAllBytes();
            // Ansible shows the captured stderr of a client script as Python bytes, and None otherwise.
            stderr = client
                    ? "b" + PythonRepr.repr(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    : "None";
            status = process.waitFor();
        } catch (IOException e) {
            throw new AnsibleError("Problem running " + kind.strip() + " " + path + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new AnsibleError("interrupted while running " + kind.strip() + " " + path);
        }
        if (client && status == UNKNOWN_LABEL) {
            throw new AnsibleError(kind + path + " did not find a secret for vault-id=" + label + ": " + stderr);
        }
        if (status != 0) {
            throw new AnsibleError(
                    client
                            ? kind + path + " returned non-zero (" + status + ") when getting secret for vault-id="
                                    + label + ": " + stderr
                            : kind + path + " returned non-zero (" + status + "): " + stderr);
        }
        return nonEmpty(stripLineEnds(stdout), "Invalid vault password was provided from script (" + path + ")");
    }

    /** Ansible's {@code script_is_client}: the name without its extension ends with {@code -client}. */
    private boolean isClient() {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).endsWith("-client");
    }

    private static byte[] nonEmpty(byte[] password, String message) {
        if (password.length == 0) {
            throw new AnsibleError(message);
        }
        return password;
    }

    /** Python's {@code bytes.strip()}: ASCII whitespace off both ends. */
    private static byte[] strip(byte[] bytes) {
        return trim(bytes, " \t\n\r\u000b\f");
    }

    /** Python's {@code bytes.strip(b'\r\n')}. */
    private static byte[] stripLineEnds(byte[] bytes) {
        return trim(bytes, "\r\n");
    }

    private static byte[] trim(byte[] bytes, String chars) {
        int start = 0;
        int end = bytes.length;
        while (start < end && chars.indexOf(bytes[start]) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(bytes[end - 1]) >= 0) {
            end--;
        }
        return Arrays.copyOfRange(bytes, start, end);
    }

    /** A password file that gave no password: Ansible's warning stage and its error. */
    static final class Unavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String stage;
        private final transient AnsibleError error;

        Unavailable(String stage, AnsibleError error) {
            super(error.getMessage(), null, false, false);
            this.stage = stage;
            this.error = error;
        }

        String stage() {
            return stage;
        }

        AnsibleError error() {
            return error;
        }
    }
}
