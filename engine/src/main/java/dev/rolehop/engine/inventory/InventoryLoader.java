package dev.rolehop.engine.inventory;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.error.Position;
import dev.rolehop.engine.vault.Vault;
import dev.rolehop.engine.yaml.YamlLoader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads static inventories into an {@link Inventory}: INI and YAML files (or a directory of
 * them), comma-separated host lists ({@code -i a,b,}), and the {@code group_vars/} and
 * {@code host_vars/} beside each source.
 */
public final class InventoryLoader {

    private InventoryLoader() {}

    /** Loads every source in order into one inventory, without vault secrets. */
    public static Inventory load(List<String> sources, java.util.function.Consumer<String> warnings) {
        return load(sources, warnings, Vault.NONE);
    }

    /**
     * Loads every source in order into one inventory; warnings are reported as Ansible words
     * them. Inventory and vars files that are vault text are decrypted with {@code vault}.
     */
    public static Inventory load(List<String> sources, java.util.function.Consumer<String> warnings, Vault vault) {
        Inventory inventory = new Inventory();
        for (String source : sources) {
            boolean hostList = source.contains(",") && !Files.exists(Path.of(source));
            inventory.addSource(
                    hostList
                            ? source
                            : Path.of(source).toAbsolutePath().normalize().toString());
            if (hostList) {
                inventory.readingSource(source, null);
                for (String name : source.split(",")) {
                    if (!name.isBlank()) {
                        inventory.addHost(name.strip());
                    }
                }
                inventory.markParsed();
                continue;
            }
            Path path = Path.of(source);
            if (!Files.exists(path)) {
                warnings.accept("Unable to parse " + path.toAbsolutePath() + " as an inventory source");
                continue;
            }
            loadPath(inventory, path, vault);
            inventory.markParsed();
        }
        inventory.readingSource(null, null);
        inventory.reconcile();
        for (String source : sources) {
            Path path = Path.of(source);
            if (Files.exists(path)) {
                HostGroupVars.load(
                        inventory,
                        Files.isDirectory(path) ? path : path.toAbsolutePath().getParent(),
                        vault);
            }
        }
        return inventory;
    }

    private static void loadPath(Inventory inventory, Path path, Vault vault) {
        if (Files.isDirectory(path)) {
            try (var files = Files.list(path)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (Files.isRegularFile(file)
                            && !name.startsWith(".")
                            && !name.endsWith("~")
                            && !name.endsWith(".retry")) {
                        loadFile(inventory, file, vault);
                    }
                }
            } catch (IOException e) {
                throw new ParseError("Could not read inventory directory " + path + ": " + e.getMessage(), null);
            }
            return;
        }
        loadFile(inventory, path, vault);
    }

    private static void loadFile(Inventory inventory, Path file, Vault vault) {
        Path absolute = file.toAbsolutePath().normalize();
        inventory.readingSource(absolute.toString(), absolute.getParent().toString());
        String text;
        try {
            // strict UTF-8, as Files.readString: a file that is not UTF-8 is unreadable, not garbled
            text = UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(vault.decryptIfEncrypted(Files.readAllBytes(file), file.toString())))
                    .toString();
        } catch (IOException e) {
            throw new ParseError("Could not read inventory " + file + ": " + e.getMessage(), null);
        }
        String name = file.getFileName().toString();
        if (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json")) {
            Object data = YamlLoader.load(text, file.toString(), vault);
            if (data instanceof Map<?, ?> map) {
                YamlInventory.read(inventory, map, file);
                return;
            }
            throw new ParseError(
                    "Invalid inventory " + file + ": expected a mapping of groups",
                    new Position(file.toString(), 1, 1));
        }
        IniInventory.read(inventory, text, file);
    }
}
