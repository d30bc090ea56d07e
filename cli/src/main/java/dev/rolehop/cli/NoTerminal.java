package dev.rolehop.cli;

import dev.rolehop.creds.MfaPrompt;
import java.util.Optional;

/**
 * The MFA prompt of a daemon, which has no terminal: it answers nothing and remembers that it was
 * asked, so the run is handed back to its client, which can ask.
 */
final class NoTerminal implements MfaPrompt {

    private volatile boolean asked;

    @Override
    public Optional<String> ask(String promptText) {
        asked = true;
        return Optional.empty();
    }

    boolean asked() {
        return asked;
    }
}
