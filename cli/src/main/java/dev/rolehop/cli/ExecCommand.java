package dev.rolehop.cli;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialResolver;
import dev.rolehop.engine.error.ExitCode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rolehop exec}: runs a command with a profile's credentials in its environment, passing
 * standard input, output, error and the exit status through.
 */
@Command(
        name = "exec",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Run a command with a profile's credentials in its environment.",
            "Sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION and "
                    + "AWS_REGION (AWS_PROFILE and other credential variables are removed). Exits with the command's "
                    + "status.",
            "Example: rolehop exec --profile lab -- aws ec2 describe-security-groups"
        })
final class ExecCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CredsOptions credentials;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments, after --.")
    List<String> command;

    @Override
    public Integer call() {
        return CredsFailure.run("exec", spec.commandLine().getErr(), () -> {
            CredentialResolver resolver =
                    credentials.resolver(spec.commandLine().getErr());
            AwsCredentials resolved = resolver.resolve(credentials.profile);
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            ExecEnvironment.apply(
                    builder.environment(),
                    resolved,
                    resolver.region(credentials.profile).orElse(null));
            ExecSignals signals = ExecSignals.install();
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                spec.commandLine()
                        .getErr()
                        .println("rolehop exec: cannot run '" + command.get(0) + "': " + e.getMessage());
                spec.commandLine().getErr().flush();
                return ExitCode.COMMAND_NOT_FOUND;
            }
            signals.forwardTo(process);
            return process.waitFor();
        });
    }
}
