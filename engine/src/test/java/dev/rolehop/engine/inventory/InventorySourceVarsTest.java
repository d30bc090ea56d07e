package dev.rolehop.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inventory_file}, {@code inventory_dir} and the sources, as Ansible's inventory sets them. */
class InventorySourceVarsTest {

    @TempDir
    Path dir;

    @Test
    void aHostFromAFileKnowsTheFileAndItsFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("hosts"), "[app]\na1\n");
        Inventory inventory = InventoryLoader.load(List.of(file.toString()), warning -> {});
        assertThat(inventory.host("a1").vars())
                .containsEntry("inventory_file", file.toString())
                .containsEntry("inventory_dir", dir.toString());
        assertThat(inventory.sources()).containsExactly(file.toString());
    }

    @Test
    void aHostFromAHostListHasTheListAsFileAndNoFolder() {
        Inventory inventory = InventoryLoader.load(List.of("h1,"), warning -> {});
        assertThat(inventory.host("h1").vars())
                .containsEntry("inventory_file", "h1,")
                .containsEntry("inventory_dir", null);
        assertThat(inventory.sources()).containsExactly("h1,");
    }
}
