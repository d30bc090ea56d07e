package dev.rolehop.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports usage errors of {@code rolehop play} as ansible-playbook's argparse does: the synopsis,
 * then {@code rolehop play: error: ...} (unknown options as {@code unrecognized arguments: ...}),
 * exit code 2. Other commands keep picocli's report.
 */
final class UsageErrors implements IParameterExceptionHandler {

    /** argparse's exit code for a usage error. */
    static final int EXIT_CODE = 2;

    private final IParameterExceptionHandler picocli;

    UsageErrors(IParameterExceptionHandler picocli) {
        this.picocli = picocli;
    }

    @Override
    public int handleParseException(ParameterException error, String[] args) throws Exception {
        CommandLine command = error.getCommandLine();
        if (!(command.getCommand() instanceof PlayCommand)) {
            return picocli.handleParseException(error, args);
        }
        PrintWriter err = command.getErr();
        CommandLine.Help help = command.getHelp();
        err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
        err.println(command.getCommandSpec().qualifiedName() + ": error: " + message(error));
        err.flush();
        return EXIT_CODE;
    }

    private static String message(ParameterException error) {
        if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return "unrecognized arguments: " + String.join(" ", unmatched.getUnmatched());
        }
        return error.getMessage();
    }
}
