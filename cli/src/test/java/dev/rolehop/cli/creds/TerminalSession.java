package dev.rolehop.cli.creds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command on a pseudo-terminal ({@code script -qefc}), as a person at a terminal would:
 * the test waits for a prompt, then types. Everything the terminal shows is captured.
 */
final class TerminalSession implements AutoCloseable {

    private final Process process;
    private final StringBuffer screen = new StringBuffer();
    private final Thread reader;

    private TerminalSession(Process process) {
        this.process = process;
        this.reader = new Thread(() -> copy(process.getInputStream()), "terminal-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} on a new pseudo-terminal with exactly {@code environment}. */
    static TerminalSession start(List<String> command, Map<String, String> environment) throws IOException {
        List<String> quoted = new ArrayList<>();
        command.forEach(arg -> quoted.add("'" + arg.replace("'", "'\\''") + "'"));
        ProcessBuilder builder =
                new ProcessBuilder("script", "-qefc", String.join(" ", quoted), "/dev/null").redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new TerminalSession(builder.start());
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the terminal closed: the screen holds what was shown
        }
    }

    /** Waits until the terminal shows {@code text} (or the command ends), up to 60 seconds. */
    boolean waitFor(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (screen.indexOf(text) >= 0) {
                return true;
            }
            if (!process.isAlive()) {
                reader.join(2000);
                return screen.indexOf(text) >= 0;
            }
            // Polling a process's output: a short wait between looks, not a sleep standing in for a clock.
            Thread.sleep(20);
        }
        return false;
    }

    /** Types a line, as the Enter key sends it. */
    void typeLine(String line) throws IOException {
        OutputStream keyboard = process.getOutputStream();
        keyboard.write((line + "\r").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /** Waits for the command to end and returns its exit status. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end; the terminal shows:\n" + screen);
        }
        reader.join(5000);
        return process.exitValue();
    }

    /** Everything the terminal showed. */
    String screen() {
        return screen.toString();
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        process.destroy();
    }
}
