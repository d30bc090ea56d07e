package dev.rolehop.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryLoaderTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void aHostKnowsTheFirstInventoryFileThatNamesItAndItsDirectory() throws IOException {
        Path first = Files.createDirectory(dir.resolve("first")).resolve("hosts");
        Files.writeString(first, "[web]\nweb1\n");
        Path second = dir.resolve("more.ini");
        Files.writeString(second, "[db]\ndb1\nweb1\n");

        Inventory inventory = InventoryLoader.load(List.of(first.toString(), second.toString()), warnings::add);

        assertThat(inventory.host("web1").vars())
                .containsEntry("inventory_file", first.toString())
                .containsEntry("inventory_dir", first.getParent().toString());
        assertThat(inventory.host("db1").vars())
                .containsEntry("inventory_file", second.toString())
                .containsEntry("inventory_dir", dir.toString());
    }

    @Test
    void aHostOfAHostListHasTheListAsItsInventoryFileAndNoDirectory() {
        Inventory inventory = InventoryLoader.load(List.of("a,b,"), warnings::add);

        assertThat(inventory.host("a").vars())
                .containsEntry("inventory_file", "a,b,")
                .containsEntry("inventory_dir", null);
    }
}
