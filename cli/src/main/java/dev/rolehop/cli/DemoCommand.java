package dev.rolehop.cli;

import dev.rolehop.cli.demo.Demo;
import dev.rolehop.engine.error.ExitCode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code rolehop demo}: the cross-account scenario, end to end, on an embedded local AWS. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Run the cross-account scenario on an embedded local AWS: assume an MFA-guarded role in "
                    + "a lab account from a jump account and create a security group there, with the "
                    + "seed playbooks of examples/seed.",
            "Works in a temporary folder; never reads or writes your ~/.aws. Exits 1 if any step "
                    + "does not produce its expected result."
        })
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(
            names = "--non-interactive",
            description = "Supply every MFA code from the demo's virtual device instead of asking for one (for CI).")
    boolean nonInteractive;

    @Option(
            names = "--keep",
            description = "Keep the temporary folder (world, state, AWS config, cache) and print where it is.")
    boolean keep;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "0",
            description = "Port of the local AWS endpoint on 127.0.0.1 (default: a free one).")
    int port;

    @Override
    public Integer call() throws Exception {
        String home = System.getProperty("rolehop.home");
        if (home == null) {
            main.err().println("rolehop demo: runs from a rolehop distribution (bin/rolehop sets rolehop.home)");
            return ExitCode.USAGE;
        }
        return new Demo(Path.of(home), !nonInteractive && System.console() != null, keep, port, main.out()).run();
    }
}
