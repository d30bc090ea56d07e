package dev.rolehop.cli;

import dev.rolehop.engine.error.ExitCode;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports usage errors of {@code rolehop play} as ansible-playbook's argparse does: the synopsis,
 * then {@code rolehop play: error: ...} (unknown options as {@code unrecognized arguments: ...}, a
 * missing playbook as {@code the following arguments are required: PLAYBOOK}), exit code 2; a bare
 * {@code rolehop play} prints the whole help instead, as a bare ansible-playbook does. Other
 * commands keep picocli's report.
 */
final class UsageErrors implements IParameterExceptionHandler {

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
        if (args.length == 1) {
            command.usage(err);
            err.flush();
            return ExitCode.USAGE;
        }
        CommandLine.Help help = command.getHelp();
        err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
        err.println(command.getCommandSpec().qualifiedName() + ": error: " + message(error));
        err.flush();
        return ExitCode.USAGE;
    }

    private static String message(ParameterException error) {
        if (error instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            return "unrecognized arguments: " + String.join(" ", unmatched.getUnmatched());
        }
        if (error instanceof MissingParameterException missing) {
            return "the following arguments are required: "
                    + missing.getMissing().stream()
                            .map(CommandLine.Model.ArgSpec::paramLabel)
                            .collect(Collectors.joining(", "));
        }
        return error.getMessage();
    }
}
