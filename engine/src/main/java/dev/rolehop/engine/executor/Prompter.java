package dev.rolehop.engine.executor;

import java.util.Optional;

/** Asks the person running the playbook for input ({@code vars_prompt}, {@code pause}, MFA codes). */
@FunctionalInterface
public interface Prompter {

    /** The answer, or empty when there is no terminal to ask on. */
    Optional<String> ask(String prompt, boolean hidden);

    /** A prompter for runs without a terminal: never answers. */
    static Prompter none() {
        return (prompt, hidden) -> Optional.empty();
    }

    /** Asks on the console when there is one. */
    static Prompter console() {
        return (prompt, hidden) -> {
            java.io.Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            if (hidden) {
                char[] answer = console.readPassword("%s", prompt);
                return Optional.ofNullable(answer).map(String::new);
            }
            return Optional.ofNullable(console.readLine("%s", prompt));
        };
    }
}
