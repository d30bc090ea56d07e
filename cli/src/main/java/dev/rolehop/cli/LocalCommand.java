package dev.rolehop.cli;

import dev.rolehop.engine.error.ExitCode;
import dev.rolehop.local.LocalAws;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rolehop local}: runs the embedded AWS endpoint (STS, IAM, EC2) until stopped, printing
 * {@code endpoint: URL} as the first line of stdout and one line per request on stderr.
 */
@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Run a local AWS endpoint (STS, IAM, EC2, IAM Identity Center) for a world file: several "
                    + "accounts, MFA-guarded roles, SigV4 checking, durable state.",
            "Prints 'endpoint: http://HOST:PORT' first on stdout; logs each request on stderr; "
                    + "stops on Ctrl-C or SIGTERM."
        },
        subcommands = {
            LocalInitCommand.class,
            LocalMfaCodeCommand.class,
            LocalTokenCommand.class,
            LocalSsoApproveCommand.class
        })
final class LocalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "0",
            paramLabel = "N",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--world",
            defaultValue = "world.yml",
            paramLabel = "FILE",
            description = "The world file (default: ${DEFAULT-VALUE}; create one with 'rolehop local init DIR').")
    Path world;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            description = "Keep state (security groups, tags, sessions) in FILE across restarts; default: in memory.")
    Path state;

    @Option(
            names = "--throttle",
            defaultValue = "0",
            paramLabel = "N",
            description = "Answer every Nth request with the service's throttling error (EC2 RequestLimitExceeded, "
                    + "STS/IAM Throttling), to see automation retry; 0 never does (default: ${DEFAULT-VALUE}).")
    int throttleEvery;

    @Option(
            names = "--instance-role",
            paramLabel = "ROLE_ARN",
            description =
                    "Also act as an EC2 instance whose instance profile holds this role (of the world file, or created through IAM): the instance "
                            + "metadata service (IMDSv2) under /latest/ hands out its credentials; point "
                            + "AWS_EC2_METADATA_SERVICE_ENDPOINT at the endpoint. The role must trust ec2.amazonaws.com.")
    String instanceRole;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalAws local;
        try {
            local = LocalAws.start(new LocalAws.Options(world, state, host, port)
                    .withThrottleEvery(throttleEvery)
                    .withInstanceRole(instanceRole)
                    .withLog(line -> {
                        err.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
                        err.flush();
                    }));
        } catch (RuntimeException e) {
            // WorldException (file:line), unreadable state, a port in use: each message names the fix.
            err.println("rolehop local: " + e.getMessage());
            return ExitCode.ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            local.close();
                            err.println("rolehop local: stopped");
                            err.flush();
                            stopped.countDown();
                        },
                        "rolehop-local-stop"));
        out.println("endpoint: " + local.endpoint());
        out.flush();
        err.println("rolehop local: serving " + world
                + (state == null ? " (state in memory)" : " (state in " + state + ")") + "; stop with Ctrl-C");
        err.flush();
        stopped.await();
        return ExitCode.OK;
    }
}
