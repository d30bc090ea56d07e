package dev.rolehop.creds.chain;

import dev.rolehop.creds.CredentialException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a profile's helper command ({@code credential_process}, {@code mfa_process}) without a
 * shell, with the resolver's environment, the terminal as its standard input (so it may prompt),
 * and its output captured.
 *
 * @param what how errors name the command, e.g. {@code profile 'lab': credential_process}
 * @param commandLine the command as written in the profile
 * @param environment the environment the command sees
 */
public record ExternalCommand(String what, String commandLine, Map<String, String> environment) {

    /** What the command printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** Prints the exit code only: the output may hold secrets. */
        @Override
        public String toString() {
            return "Result[exitCode=" + exitCode + "]";
        }
    }

    /**
     * Runs the command to completion.
     *
     * @throws CredentialException when it cannot be started or is interrupted
     */
    public Result run() {
        List<String> argv;
        try {
            argv = CommandLine.split(commandLine);
        } catch (IllegalArgumentException e) {
            throw new CredentialException(what + " '" + commandLine + "' cannot be split into arguments ("
                    + e.getMessage() + "); check its quotes");
        }
        if (argv.isEmpty()) {
            throw new CredentialException(what + " is empty; write the command to run");
        }
        ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            int exit = process.waitFor();
            return new Result(exit, stdout, stderr.join());
        } catch (IOException e) {
            throw new CredentialException(
                    what + " '" + argv.get(0) + "' cannot be started (" + e.getMessage()
                            + "); check the command and that it is installed",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialException(what + " was interrupted", e);
        }
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
