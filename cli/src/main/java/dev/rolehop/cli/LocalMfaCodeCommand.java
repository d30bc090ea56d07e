package dev.rolehop.cli;

import dev.rolehop.engine.error.ExitCode;
import dev.rolehop.local.LocalAws;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rolehop local mfa-code}: prints the current code of a local virtual MFA device. */
@Command(
        name = "mfa-code",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Print the current 6-digit code (RFC 6238, 30 s) of a virtual MFA device of a local world, "
                + "for demos and tests. Only devices of rolehop local worlds: it reads their seeds.")
final class LocalMfaCodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorldFileOption worldFile;

    @Option(names = "--serial", required = true, paramLabel = "ARN", description = "The device's serial ARN.")
    String serial;

    @Override
    public Integer call() {
        try {
            spec.commandLine().getOut().println(LocalAws.mfaCode(worldFile.world, serial, Instant.now()));
            return ExitCode.OK;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("rolehop local mfa-code: " + e.getMessage());
            return ExitCode.ERROR;
        }
    }
}
