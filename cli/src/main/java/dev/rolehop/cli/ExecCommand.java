package dev.rolehop.cli;

import dev.rolehop.creds.CredentialResolver;
import dev.rolehop.creds.server.CredentialServer;
import dev.rolehop.engine.error.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * {@code rolehop exec}: runs a command (or a subshell) with a profile's credentials in its
 * environment, or with a refreshing credential server it reaches through the container variables,
 * passing standard input, output, error and the exit status through.
 */
@Command(
        name = ExecCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Run a command with a profile's credentials in its environment.",
            "Sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION and "
                    + "AWS_REGION (AWS_PROFILE and other credential variables are removed). Exits with the command's "
                    + "status. Without a command, starts $SHELL (else /bin/sh).",
            "With --server, the command gets no keys: a credential endpoint on 127.0.0.1 serves them, refreshed "
                    + "before they expire, through AWS_CONTAINER_CREDENTIALS_FULL_URI and "
                    + "AWS_CONTAINER_AUTHORIZATION_TOKEN (for commands that outlive a role session); it stops with "
                    + "the command.",
            "Example: rolehop exec --profile lab -- aws ec2 describe-security-groups"
        })
final class ExecCommand implements Callable<Integer> {

    static final String NAME = "exec";

    @Spec
    CommandSpec spec;

    @Mixin
    CredsOptions credentials;

    @Option(
            names = "--server",
            description = "Serve refreshing credentials to the command (ECS-style endpoint) instead of fixed keys.")
    boolean server;

    @Parameters(
            arity = "0..*",
            paramLabel = "COMMAND",
            description = "The command and its arguments, after --; none starts $SHELL.")
    List<String> command;

    @Override
    public Integer call() {
        return exec(credentials, server, command, spec.commandLine().getErr());
    }

    /** Runs {@code command} (none: a subshell) with the credentials, or a server of them; its exit code. */
    static int exec(CredsOptions credentials, boolean server, List<String> command, PrintWriter err) {
        return CredsFailure.run(NAME, err, () -> {
            CredentialResolver resolver = credentials.resolver(err);
            String region = resolver.region(credentials.profile).orElse(null);
            List<String> argv = command == null || command.isEmpty() ? List.of(shell()) : command;
            ProcessBuilder builder = new ProcessBuilder(argv).inheritIO();
            if (!server) {
                ExecEnvironment.apply(builder.environment(), resolver.resolve(credentials.profile), region);
                return run(builder, argv.get(0), err);
            }
            AwsCredentialsProvider provider = resolver.provider(credentials.profile);
            // Resolved before the command starts: an MFA prompt comes first, and a failure stops here.
            provider.resolveCredentials();
            try (CredentialServer endpoint = CredentialServer.start(provider, 0, line -> {})) {
                ExecEnvironment.applyServer(
                        builder.environment(), endpoint.uri(), endpoint.authorizationToken(), region);
                return run(builder, argv.get(0), err);
            }
        });
    }

    private static String shell() {
        String shell = System.getenv("SHELL");
        return shell == null || shell.isBlank() ? "/bin/sh" : shell;
    }

    private static int run(ProcessBuilder builder, String name, PrintWriter err) throws InterruptedException {
        ExecSignals signals = ExecSignals.install();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            err.println("rolehop exec: cannot run '" + name + "': " + e.getMessage());
            err.flush();
            return ExitCode.COMMAND_NOT_FOUND;
        }
        signals.forwardTo(process);
        return process.waitFor();
    }
}
