package dev.rolehop.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.error.AnsibleError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostPatternTest {

    private final List<String> warnings = new ArrayList<>();
    private final Inventory inventory = inventory("""
            [web]
            web[1:3]
            [db]
            db-[a:b]
            [edge]
            web3
            """);

    private static Inventory inventory(String ini) {
        Inventory inventory = new Inventory();
        IniInventory.read(inventory, ini, Path.of("inventory"));
        inventory.reconcile();
        return inventory;
    }

    private List<String> select(String pattern) {
        return HostPattern.select(inventory, pattern, warnings::add).stream()
                .map(Host::name)
                .toList();
    }

    @Test
    void aSubscriptPicksOneHostOfAGroupCountingFromZeroOrFromTheEnd() {
        assertThat(select("web[1]")).containsExactly("web2");
        assertThat(select("web[-1]")).containsExactly("web3");
    }

    @Test
    void aRangeSubscriptIsInclusiveAndAnOpenEndRunsToTheLastHost() {
        assertThat(select("web[0:1]")).containsExactly("web1", "web2");
        assertThat(select("web[1:]")).containsExactly("web2", "web3");
        assertThat(select("web[1:9]")).containsExactly("web2", "web3");
    }

    @Test
    void digitsInBracketsAreASubscriptNotACharacterClass() {
        assertThat(select("web[2]")).containsExactly("web3");
    }

    @Test
    void aSubscriptPastTheLastHostIsAnError() {
        assertThatThrownBy(() -> select("db[5]"))
                .isInstanceOf(AnsibleError.class)
                .hasMessage("No hosts matched the subscripted pattern 'db[5]'");
    }

    @Test
    void colonsSeparateTermsButNotTheColonOfARangeSubscript() {
        assertThat(select("db:web[0:1]")).containsExactly("db-a", "db-b", "web1", "web2");
    }

    @Test
    void anIpv6AddressIsOneTermButHexLookingGroupNamesAreSplit() {
        assertThat(HostPattern.split("fe80::1")).containsExactly("fe80::1");
        assertThat(HostPattern.split("a:b:c")).containsExactly("a", "b", "c");
    }

    @Test
    void wildcardsMatchLikeFnmatchWithCharacterClassesAndNegation() {
        assertThat(select("db-[ab]")).containsExactly("db-a", "db-b");
        assertThat(select("web[!12]")).containsExactly("web3");
        assertThat(select("db-?")).containsExactly("db-a", "db-b");
    }

    @Test
    void aRegexMatchesFromTheStartOfTheName() {
        assertThat(select("~b")).isEmpty();
        assertThat(select("~we")).containsExactly("web1", "web2", "web3");
    }

    @Test
    void intersectionsAndExclusionsApplyAfterTheOtherTerms() {
        assertThat(select("!web1,web,&edge")).containsExactly("web3");
    }

    @Test
    void aTermMatchingNothingIsIgnoredWithAnsiblesWarning() {
        assertThat(select("web1,nosuch")).containsExactly("web1");
        assertThat(warnings).containsExactly("Could not match supplied host pattern, ignoring: nosuch");
    }

    @Test
    void theLimitKeepsOnlyHostsItAlsoMatches() {
        List<String> hosts = HostPattern.select(inventory, "all", "web[0],db", warnings::add).stream()
                .map(Host::name)
                .toList();

        assertThat(hosts).containsExactly("web1", "db-a", "db-b");
    }
}
