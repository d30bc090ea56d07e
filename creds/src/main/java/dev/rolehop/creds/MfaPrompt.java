package dev.rolehop.creds;

import dev.rolehop.creds.mfa.TerminalPrompt;
import java.util.Optional;

/** Asks a person for an MFA code; empty when there is nobody to ask (no terminal). */
@FunctionalInterface
public interface MfaPrompt {

    /**
     * Shows {@code promptText} and reads a code with the input hidden.
     *
     * @return the code typed, or empty when no terminal is available
     */
    Optional<String> ask(String promptText);

    /** A prompt on the controlling terminal ({@code /dev/tty} or the console), input hidden. */
    static MfaPrompt terminal() {
        return new TerminalPrompt();
    }

    /** A prompt that never answers: for non-interactive use. */
    static MfaPrompt none() {
        return promptText -> Optional.empty();
    }
}
