package dev.rolehop.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamicInventoryTest {

    private final Inventory inventory = new Inventory();
    private final DynamicInventory dynamic = new DynamicInventory(inventory);

    @Test
    void aNewHostJoinsAllDirectlyAndUngroupedWhenItHasNoGroup() {
        assertThat(dynamic.addHost("web1", List.of(), Map.of())).isTrue();

        assertThat(inventory.groups().get("all").hosts()).extracting(Host::name).containsExactly("web1");
        assertThat(inventory.groups().get("ungrouped").allHosts())
                .extracting(Host::name)
                .containsExactly("web1");
        assertThat(inventory.hosts().get("web1").vars()).containsEntry("inventory_file", null);
    }

    @Test
    void addingTheSameHostTwiceChangesNothing() {
        dynamic.addHost("web1", List.of("web"), Map.of("colour", "blue"));

        assertThat(dynamic.addHost("web1", List.of("web"), Map.of("colour", "blue")))
                .isFalse();
    }

    @Test
    void newVariablesOrANewGroupAreAChange() {
        dynamic.addHost("web1", List.of(), Map.of("colour", "blue"));

        assertThat(dynamic.addHost("web1", List.of(), Map.of("colour", "green")))
                .isTrue();
        assertThat(dynamic.addHost("web1", List.of("web"), Map.of())).isTrue();
        assertThat(inventory.hosts().get("web1").vars()).containsEntry("colour", "green");
        assertThat(inventory.groups().get("ungrouped").hosts()).isEmpty();
    }

    @Test
    void groupByCreatesTheGroupUnderItsParents() {
        Host alpha = inventory.addHost("alpha");
        inventory.reconcile();

        assertThat(dynamic.addToGroup(alpha, "family-debian", List.of("linux"))).isTrue();
        assertThat(dynamic.addToGroup(alpha, "family-debian", List.of("linux"))).isFalse();

        assertThat(inventory.groups().get("linux").allHosts()).containsExactly(alpha);
        assertThat(inventory.groups().get("ungrouped").hosts()).isEmpty();
    }

    @Test
    void theImplicitLocalhostInAGroupIsNotInAll() {
        Host localhost = inventory.host("localhost");

        dynamic.addToGroup(localhost, "g1", List.of("all"));

        assertThat(inventory.groups().get("g1").allHosts()).containsExactly(localhost);
        assertThat(inventory.groups().get("all").allHosts()).isEmpty();
    }
}
