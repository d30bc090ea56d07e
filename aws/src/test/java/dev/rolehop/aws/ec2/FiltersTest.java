package dev.rolehop.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiltersTest {

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void dashedFiltersReadEveryUnderscoreAsADashAndMoveRenamedKeysToTheEnd() {
        var dashed = Filters.dashed(ordered("zone_name", "a", "state", "available", "tag:Owner_Team", "x"));

        assertThat(List.copyOf(dashed.keySet())).containsExactly("state", "zone-name", "tag:Owner-Team");
    }

    @Test
    void dashedFiltersLetTheUnderscoreSpellingWinInTheDashedOnesPlace() {
        var dashed =
                Filters.dashed(ordered("zone-name", "eu-west-2a", "state", "available", "zone_name", "eu-west-2c"));

        assertThat(dashed).containsExactly(Map.entry("zone-name", "eu-west-2c"), Map.entry("state", "available"));
    }

    @Test
    void filterValuesBecomeListsOfPythonText() {
        var filters = Filters.of(ordered("is-default", true, "zone-id", List.of("use1-az1", 2)));

        assertThat(filters.get(0).values()).containsExactly("true");
        assertThat(filters.get(1).values()).containsExactly("use1-az1", "2");
    }
}
