package dev.rolehop.engine.module;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a running module may know and use of the task it runs for. Passed, never global.
 */
public interface ModuleContext {

    /** Whether the run is in check mode ({@code --check} or {@code check_mode: true}). */
    boolean checkMode();

    /** Whether before/after diffs are wanted ({@code --diff} or {@code diff: true}). */
    boolean diffMode();

    /** Whether the task's output is censored ({@code no_log}), as Ansible tells a module with {@code _ansible_no_log}. */
    default boolean noLog() {
        return false;
    }

    /** The verbosity: 0 by default, 1 for {@code -v}, up to 4 for {@code -vvvv}. */
    int verbosity();

    /** The environment the task runs with: the process's, overlaid by the {@code environment} keyword. */
    Map<String, String> environment();

    /** The directory of the playbook, for resolving relative paths. */
    Path playbookDir();

    /** The name of the host the task runs for ({@code localhost}). */
    String hostName();

    /**
     * Registers a value as secret: output and logs replace it with a mask wherever it appears,
     * at every verbosity, including after the value is copied into facts.
     */
    void markSecret(String value);

    /**
     * Writes a diagnostic shown at the given verbosity or above (e.g. 3 for the AWS calls made),
     * on the output stream in the place Ansible shows module debug lines. Secrets are masked.
     */
    void log(int minVerbosity, String message);

    /**
     * Asks the person running the playbook for a value on the terminal (for an MFA code, say).
     *
     * @param prompt  the prompt text
     * @param hidden  whether to hide the input
     * @return the answer, or empty when there is no terminal to ask on
     */
    java.util.Optional<String> prompt(String prompt, boolean hidden);
}
