package dev.rolehop.creds.mfa;

import dev.rolehop.creds.MfaPrompt;
import java.io.BufferedReader;
import java.io.Console;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Asks on the controlling terminal with the input hidden, like Python's {@code getpass}: the
 * Java console when standard input and output are a terminal, else {@code /dev/tty} (so a
 * prompt still works when standard output is captured, e.g. under {@code credential_process}).
 * Empty when the process has no terminal.
 */
public final class TerminalPrompt implements MfaPrompt {

    private static final File TTY = new File("/dev/tty");

    @Override
    public Optional<String> ask(String promptText) {
        Console console = System.console();
        if (console != null) {
            char[] answer = console.readPassword("%s", promptText);
            return answer == null ? Optional.empty() : Optional.of(new String(answer).strip());
        }
        return askOnTty(promptText);
    }

    private static Optional<String> askOnTty(String promptText) {
        if (!TTY.canRead() || !TTY.canWrite()) {
            return Optional.empty();
        }
        try (FileInputStream in = new FileInputStream(TTY);
                OutputStream out = new FileOutputStream(TTY)) {
            // Echo goes off before the prompt shows, so nothing typed after the prompt is echoed.
            boolean hidden = stty("-echo");
            out.write(promptText.getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                return Optional.ofNullable(line).map(String::strip);
            } finally {
                if (hidden) {
                    stty("echo");
                }
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            // No controlling terminal (opening /dev/tty fails with ENXIO): nobody to ask.
            return Optional.empty();
        }
    }

    private static boolean stty(String mode) {
        try {
            Process stty = new ProcessBuilder("stty", mode)
                    .redirectInput(TTY)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return stty.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
