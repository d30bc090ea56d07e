package dev.rolehop.engine;

import dev.rolehop.engine.executor.RunOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code rolehop play} was asked to do: the playbooks, inventories, run options and mode.
 *
 * @param playbooks   the playbook files, run in order
 * @param inventories {@code -i} sources (empty: the implicit localhost)
 * @param options     how to run
 * @param mode        run, or only check syntax / list
 * @param json        whether to print Ansible's json callback output instead of text
 * @param arguments   the options given, by ansible-playbook's names and as its {@code -vvvv}
 *                    prints them ({@code forks} {@code 5}, {@code extra_vars} {@code ('a=1',)}),
 *                    in its order; only those rolehop honours
 */
public record PlayRequest(
        List<Path> playbooks,
        List<String> inventories,
        RunOptions options,
        Mode mode,
        boolean json,
        Map<String, String> arguments) {

    public PlayRequest {
        playbooks = List.copyOf(playbooks);
        inventories = List.copyOf(inventories);
        arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
    }

    /** A request whose options are not shown at {@code -vvvv}. */
    public PlayRequest(List<Path> playbooks, List<String> inventories, RunOptions options, Mode mode, boolean json) {
        this(playbooks, inventories, options, mode, json, Map.of());
    }

    /** What to do with the playbooks. */
    public enum Mode {
        RUN,
        SYNTAX_CHECK,
        LIST_TASKS,
        LIST_HOSTS,
        LIST_TAGS
    }
}
