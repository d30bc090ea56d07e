package dev.rolehop.cli;

import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.cache.FileProblems;
import dev.rolehop.engine.error.ExitCode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.concurrent.Callable;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs the body of a credentials command and turns its failures into one line on standard error
 * and exit status 1: a {@link CredentialException}'s message (written to be shown), or an AWS
 * SDK error's message. Never a stack trace.
 */
final class CredsFailure {

    private CredsFailure() {}

    static int run(String command, PrintWriter err, Callable<Integer> body) {
        try {
            return body.call();
        } catch (CredentialException e) {
            err.println("rolehop " + command + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            // No credentials path should get here (each names its file and fix); if one does, words, not a class.
            String file =
                    e.getCause() instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() + ": " : "";
            err.println("rolehop " + command + ": " + file + FileProblems.describe(e.getCause()));
        } catch (SdkException e) {
            err.println("rolehop " + command + ": AWS call failed: " + e.getMessage());
        } catch (Exception e) {
            err.println("rolehop " + command + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        err.flush();
        return ExitCode.ERROR;
    }
}
