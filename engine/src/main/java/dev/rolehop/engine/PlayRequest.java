package dev.rolehop.engine;

import dev.rolehop.engine.executor.RunOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rolehop play} was asked to do: the playbooks, inventories, run options and mode.
 *
 * @param playbooks   the playbook files, run in order
 * @param inventories {@code -i} sources (empty: the implicit localhost)
 * @param options     how to run
 * @param mode        run, or only check syntax / list
 * @param json        whether to print Ansible's json callback output instead of text
 */
public record PlayRequest(List<Path> playbooks, List<String> inventories, RunOptions options, Mode mode, boolean json) {

    public PlayRequest {
        playbooks = List.copyOf(playbooks);
        inventories = List.copyOf(inventories);
    }

    /** What to do with the playbooks. */
    public enum Mode { RUN, SYNTAX_CHECK, LIST_TASKS, LIST_HOSTS, LIST_TAGS }
}
