package dev.rolehop.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rolehop} command: one subcommand per job, each a thin picocli class that
 * delegates to the domain modules.
 */
@Command(name = "rolehop", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run AWS automation across accounts: Ansible-compatible playbooks, AWS CLI "
                + "credentials with role chains and MFA, and an embedded local AWS.",
        subcommands = {
            PlayCommand.class,
            WhoamiCommand.class,
            CredsCommand.class,
            ExecCommand.class,
            ProfilesCommand.class,
            LocalCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, without exiting the JVM. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        // No rolehop command takes picocli's @argument files, and "-e @vars.yml" is Ansible's own @file form.
        commandLine.setExpandAtFiles(false);
        commandLine.setParameterExceptionHandler(new UsageErrors(commandLine.getParameterExceptionHandler()));
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
