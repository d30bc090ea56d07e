package dev.rolehop.cli;

import dev.rolehop.engine.error.ExitCode;
import dev.rolehop.local.DemoWorld;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rolehop local init DIR}: writes the demo world and matching AWS CLI files into DIR. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Write a demo world into DIR: DIR/world.yml, DIR/aws/config, DIR/aws/credentials and "
                + "DIR/oidc-keys.json (jump account 111111111111 with user alice, lab account 222222222222 with an "
                + "MFA-guarded role and a role for CI jobs of the OIDC provider ci.rolehop.test, whose signing key "
                + "the keys file holds, 0600). Never touches ~/.aws.")
final class LocalInitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "DIR",
            description = "Directory to write into (created if missing; existing files are never overwritten).")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Path world = DemoWorld.write(dir);
            out.println("wrote " + world + ", " + dir.resolve("aws/config") + ", " + dir.resolve("aws/credentials")
                    + ", " + dir.resolve(DemoWorld.OIDC_KEYS));
            out.println("next: rolehop local --world " + world);
            out.println("then: AWS_CONFIG_FILE=" + dir.resolve("aws/config") + " AWS_SHARED_CREDENTIALS_FILE="
                    + dir.resolve("aws/credentials") + " aws --endpoint-url URL sts get-caller-identity");
            return ExitCode.OK;
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("rolehop local init: " + e.getMessage());
            return ExitCode.ERROR;
        }
    }
}
