package dev.rolehop.cli;

import dev.rolehop.creds.CredentialResolver;
import dev.rolehop.creds.cache.AtomicFile;
import dev.rolehop.creds.server.CredentialServer;
import dev.rolehop.engine.error.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * {@code rolehop serve}: a standalone refreshing credential endpoint (ECS-style) for a profile,
 * until stopped; the authorization token goes to a 0600 file, never to the output.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Serve a profile's credentials on 127.0.0.1 as an ECS container credential endpoint, refreshed before "
                    + "they expire (MFA asked through the usual sources when a role needs a new session).",
            "Prints 'export AWS_CONTAINER_CREDENTIALS_FULL_URI=...' and 'export "
                    + "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=...' for eval; the token file (0600) holds the random "
                    + "token a request must send as its Authorization header, and is removed on stop. Stops on "
                    + "Ctrl-C or SIGTERM."
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CredsOptions credentials;

    @Option(
            names = "--port",
            defaultValue = "0",
            paramLabel = "N",
            description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "Where to write the authorization token (default: a new file in the temporary directory).")
    Path tokenFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return CredsFailure.run("serve", err, () -> {
            CredentialResolver resolver = credentials.resolver(err);
            AwsCredentialsProvider provider = resolver.provider(credentials.profile);
            provider.resolveCredentials();
            CredentialServer server;
            try {
                server = CredentialServer.start(provider, port, line -> {
                    err.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
                    err.flush();
                });
            } catch (UncheckedIOException e) {
                err.println("rolehop serve: " + e.getMessage());
                return ExitCode.ERROR;
            }
            Path token;
            try {
                token = tokenFile != null ? tokenFile : Files.createTempFile("rolehop-serve-", ".token");
                AtomicFile.write(
                        token, server.authorizationToken().getBytes(StandardCharsets.UTF_8), AtomicFile.PRIVATE);
            } catch (IOException e) {
                server.close();
                err.println("rolehop serve: cannot write the token file: " + e.getMessage()
                        + " (choose another --token-file)");
                return ExitCode.ERROR;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                server.close();
                                try {
                                    Files.deleteIfExists(token);
                                } catch (IOException ignored) {
                                    // Stopping anyway; the token is worthless once the server is gone.
                                }
                                stopped.countDown();
                            },
                            "rolehop-serve-stop"));
            out.println("export AWS_CONTAINER_CREDENTIALS_FULL_URI=" + server.uri());
            out.println("export AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=" + token.toAbsolutePath());
            out.flush();
            err.println("rolehop serve: serving profile "
                    + (credentials.profile == null ? "(default)" : credentials.profile) + " at " + server.uri()
                    + "; stop with Ctrl-C");
            err.flush();
            stopped.await();
            return ExitCode.OK;
        });
    }
}
