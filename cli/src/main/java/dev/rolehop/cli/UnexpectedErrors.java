package dev.rolehop.cli;

import dev.rolehop.engine.error.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports an exception no command expected as one line on standard error, {@code rolehop
 * COMMAND: unexpected error, this is probably a bug: ...}, with exit code 250 as
 * ansible-playbook's "Unexpected Exception" has: never a stack trace.
 */
final class UnexpectedErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": unexpected error, this is probably a bug: " + error);
        err.flush();
        return ExitCode.UNEXPECTED;
    }
}
