package dev.rolehop.cli;

import dev.rolehop.engine.template.ansible.PythonRepr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a {@code rolehop play} as ansible-playbook's default callback lists them at
 * {@code -vvvv} ({@code context.CLIARGS}: its names, Python's repr of its tuples, its order, only
 * the set ones), limited to the options rolehop has: ansible-playbook also lists its connection,
 * timeout and become settings and its default inventory, which rolehop has not, and its
 * {@code extra_vars}, which rolehop does not print (they carry MFA codes).
 */
final class PlayArguments {

    private PlayArguments() {}

    static Map<String, String> of(PlayCommand command) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("verbosity", String.valueOf(command.verbose.length));
        arguments.put("tags", tuple(command.tags.isEmpty() ? List.of("all") : command.tags));
        if (!command.skipTags.isEmpty()) {
            arguments.put("skip_tags", tuple(command.skipTags));
        }
        if (command.check) {
            arguments.put("check", "True");
        }
        if (command.diff) {
            arguments.put("diff", "True");
        }
        if (!command.inventories.isEmpty()) {
            List<String> sources = new ArrayList<>();
            command.inventories.forEach(source -> sources.add(source.contains(",") ? source : realPath(source)));
            arguments.put("inventory", tuple(sources));
        }
        if (command.limit != null && !command.limit.isEmpty()) {
            arguments.put("subset", command.limit);
        }
        if (!command.vaultIds.isEmpty()) {
            arguments.put("vault_ids", tuple(command.vaultIds));
        }
        if (!command.vaultPasswordFiles.isEmpty()) {
            List<String> files = new ArrayList<>();
            command.vaultPasswordFiles.forEach(file -> files.add(realPath(file)));
            arguments.put("vault_password_files", tuple(files));
        }
        // No extra_vars: ansible-playbook lists them, but they carry MFA codes and other secrets,
        // which rolehop never prints.
        arguments.put("forks", String.valueOf(command.forks));
        if (command.startAtTask != null && !command.startAtTask.isEmpty()) {
            arguments.put("start_at_task", command.startAtTask);
        }
        return arguments;
    }

    /** Python's repr of a tuple of strings: {@code ('a',)}, {@code ('a', 'b')}. */
    private static String tuple(List<String> items) {
        List<String> reprs = items.stream().map(PythonRepr::repr).toList();
        return "(" + String.join(", ", reprs) + (reprs.size() == 1 ? ",)" : ")");
    }

    /** An inventory path as Ansible's {@code unfrackpath} makes it: absolute, normalized, links resolved. */
    private static String realPath(String source) {
        Path path = Path.of(source).toAbsolutePath().normalize();
        try {
            return Files.exists(path) ? path.toRealPath().toString() : path.toString();
        } catch (IOException e) {
            return path.toString();
        }
    }
}
