package dev.rolehop.engine;

import dev.rolehop.engine.executor.RunOptions;
import dev.rolehop.engine.vault.VaultRequest;
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
 * @param vault       the vault secrets asked for ({@code --vault-id}, {@code --vault-password-file},
 *                    {@code --ask-vault-password})
 */
public record PlayRequest(
        List<Path> playbooks,
        List<String> inventories,
        RunOptions options,
        Mode mode,
        boolean json,
        Map<String, String> arguments,
        VaultRequest vault) {

    public PlayRequest {
        playbooks = List.copyOf(playbooks);
        inventories = List.copyOf(inventories);
        arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
    }

    /** A request whose options are not shown at {@code -vvvv}, with no vault secrets asked for. */
    public PlayRequest(List<Path> playbooks, List<String> inventories, RunOptions options, Mode mode, boolean json) {
        this(playbooks, inventories, options, mode, json, Map.of(), VaultRequest.NONE);
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
