package dev.rolehop.creds.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes small executable scripts for the helper-command tests (credential_process, mfa_process). */
public final class Scripts {

    private Scripts() {}

    /** Writes {@code dir/name} as an executable {@code /bin/sh} script with {@code body}. */
    public static Path write(Path dir, String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
