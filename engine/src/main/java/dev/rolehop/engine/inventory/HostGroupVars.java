package dev.rolehop.engine.inventory;

import dev.rolehop.engine.vault.Vault;
import dev.rolehop.engine.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code group_vars/NAME[.yml|.yaml|.json]} and {@code host_vars/NAME...} (files, or
 * directories of files) beside an inventory into its groups' and hosts' variables.
 */
final class HostGroupVars {

    private HostGroupVars() {}

    static void load(Inventory inventory, Path dir, Vault vault) {
        for (Group group : inventory.groups().values()) {
            for (Path file : files(dir.resolve("group_vars"), group.name())) {
                merge(group.vars(), file, vault);
            }
        }
        for (Host host : inventory.hosts().values()) {
            for (Path file : files(dir.resolve("host_vars"), host.name())) {
                merge(host.vars(), file, vault);
            }
        }
    }

    private static List<Path> files(Path dir, String name) {
        List<Path> out = new ArrayList<>();
        for (String candidate : List.of(name, name + ".yml", name + ".yaml", name + ".json")) {
            Path path = dir.resolve(candidate);
            if (Files.isRegularFile(path)) {
                out.add(path);
            } else if (Files.isDirectory(path)) {
                try (var stream = Files.list(path)) {
                    stream.filter(Files::isRegularFile).sorted().forEach(out::add);
                } catch (IOException e) {
                    // An unreadable vars directory is skipped, like an absent one.
                }
            }
        }
        return out;
    }

    private static void merge(Map<String, Object> target, Path file, Vault vault) {
        Object data = YamlLoader.load(file, vault);
        if (data instanceof Map<?, ?> map) {
            map.forEach((k, v) -> target.put(String.valueOf(k), v));
        }
    }
}
