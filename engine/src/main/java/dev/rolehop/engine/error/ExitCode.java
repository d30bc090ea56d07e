package dev.rolehop.engine.error;

/**
 * Every exit code of rolehop, named once: ansible-playbook's, which {@code rolehop play} returns
 * as ansible-playbook 2.14 does and the other commands share, and {@code rolehop exec}'s one of
 * its own. Ansible decides them in two places: {@code CLI.cli_executor} (ansible/cli/__init__.py)
 * maps an exception to 1, 4, 5, 99 or 250; a run returns {@code TaskQueueManager}'s result (0, 2,
 * 4) through {@code PlaybookExecutor.run}. argparse exits 2 on a usage error.
 *
 * <p>The engine's decision is {@code Engine.exitCode} (an error) and the executor's (the hosts'
 * state); the commands in {@code dev.rolehop.cli} return these constants and no number of their
 * own (a test in the cli module holds that).
 */
public final class ExitCode {

    /** Success. */
    public static final int OK = 0;

    /**
     * An error, reported on one line ({@code AnsibleError}: a playbook that cannot be found, a
     * failed credential resolution, a world file that cannot be read, a failed demo step).
     */
    public static final int ERROR = 1;

    /** A host failed ({@code TaskQueueManager.RUN_FAILED_HOSTS}). */
    public static final int HOST_FAILED = 2;

    /** A usage error on the command line, as argparse reports one (the same number as {@link #HOST_FAILED}). */
    public static final int USAGE = 2;

    /**
     * A host was unreachable, as Ansible's documentation of exit codes lists it. ansible-playbook
     * 2.14 never exits with it (cli_executor keeps it only in a comment); it exits with
     * {@link #HOST_UNREACHABLE} instead, and so does rolehop.
     */
    public static final int UNREACHABLE_DOCUMENTED = 3;

    /** A host was unreachable: what ansible-playbook 2.14 returns ({@code TaskQueueManager.RUN_UNREACHABLE_HOSTS}). */
    public static final int HOST_UNREACHABLE = 4;

    /** A parser error ({@code AnsibleParserError}): YAML syntax, a playbook's structure. */
    public static final int PARSER_ERROR = 4;

    /** Bad or incomplete options ({@code AnsibleOptionsError}). */
    public static final int BAD_OPTIONS = 5;

    /** The user interrupted the run with Ctrl-C ({@code KeyboardInterrupt}). */
    public static final int INTERRUPTED = 99;

    /** An unexpected exception: always a bug of rolehop's ("Unexpected Exception, this is probably a bug"). */
    public static final int UNEXPECTED = 250;

    /** {@code rolehop exec}: the command could not be started, the status a shell gives "command not found". */
    public static final int COMMAND_NOT_FOUND = 127;

    private ExitCode() {}
}
