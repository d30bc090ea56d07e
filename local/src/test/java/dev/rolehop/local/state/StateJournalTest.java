package dev.rolehop.local.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.local.world.World;
import dev.rolehop.local.world.WorldLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journal: torn and corrupt tails end it, records a snapshot holds are skipped, starts compact it. */
class StateJournalTest {

    private static final World WORLD = WorldLoader.parse("""
            accounts:
              - id: "111111111111"
            """, "world.yml");

    private static final String KEY = "111111111111/us-east-1";

    private static List<Map<String, Object>> tag(String value) {
        return List.of(Map.of("region", KEY, "op", "tag", "id", "vpc-1", "key", "n", "value", value));
    }

    @Test
    void aTornOrCorruptTailEndsTheJournalAndIsOverwrittenByTheNextRecord() throws IOException {
        Path state = Files.createTempDirectory("rolehop-journal").resolve("state.json");
        StateJournal journal = StateJournal.open(state, new ArrayList<>());
        journal.append(1, tag("one"));
        journal.append(2, tag("two"));
        Path file = StateJournal.journalFile(state);
        long good = Files.size(file);
        Files.writeString(file, "0badc0de {\"seq\": 3, \"ops\": []}\n{\"torn", StandardOpenOption.APPEND);

        List<StateJournal.Record> records = new ArrayList<>();
        StateJournal reopened = StateJournal.open(state, records);
        assertThat(records).extracting(StateJournal.Record::seq).containsExactly(1L, 2L);
        assertThat(reopened.size()).isEqualTo(good);

        reopened.append(3, tag("three"));
        records.clear();
        StateJournal.open(state, records);
        assertThat(records).extracting(StateJournal.Record::seq).containsExactly(1L, 2L, 3L);
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .doesNotContain("torn")
                .doesNotContain("0badc0de");
    }

    @Test
    void aStartReplaysOnlyTheRecordsTheSnapshotDoesNotHoldAndCompacts() throws IOException {
        Path state = Files.createTempDirectory("rolehop-journal").resolve("state.json");
        RegionState region = new RegionState();
        region.tag("vpc-1", "n", "two");
        Files.writeString(state, StateCodec.write(Map.of(), Map.of(), Map.of(KEY, region), new IamState(), 2));
        // Records 1 and 2 are in the snapshot already (a crash after a compaction's rename).
        StateJournal journal = StateJournal.open(state, new ArrayList<>());
        journal.append(1, tag("one"));
        journal.append(2, tag("two"));
        journal.append(3, List.of(Map.of("region", KEY, "op", "tag", "id", "vpc-1", "key", "m", "value", "3")));

        try (WorldState opened = WorldState.open(WORLD, state)) {
            Map<String, String> tags = opened.read("111111111111", "us-east-1", r -> r.tags("vpc-1"));
            assertThat(tags).containsExactly(Map.entry("n", "two"), Map.entry("m", "3"));
        }
        assertThat(Files.size(StateJournal.journalFile(state))).isZero();
        assertThat(Files.readString(state)).contains("\"journal_seq\": 3");
    }

    @Test
    void changesGoToTheJournalAndAStopFoldsThemIntoTheSnapshot() throws IOException {
        Path state = Files.createTempDirectory("rolehop-journal").resolve("state.json");
        WorldState opened = WorldState.open(WORLD, state);
        String snapshot = Files.readString(state);
        opened.change("111111111111", "us-east-1", r -> {
            r.tag("vpc-1", "env", "lab");
            return null;
        });
        assertThat(Files.readString(state)).isEqualTo(snapshot);
        assertThat(Files.readString(StateJournal.journalFile(state)))
                .contains("\"env\"")
                .contains("\"lab\"");
        opened.close();
        assertThat(Files.size(StateJournal.journalFile(state))).isZero();
        assertThat(Files.readString(state)).contains("\"env\": \"lab\"");
    }

    @Test
    void aJournalThatOutgrowsTheSnapshotIsFoldedIntoIt() throws IOException {
        Path state = Files.createTempDirectory("rolehop-journal").resolve("state.json");
        WorldState opened = WorldState.open(WORLD, state);
        long snapshot = Files.size(state);
        opened.compactFrom(0);
        for (int i = 0; i < 40; i++) {
            String value = "v" + i;
            opened.change("111111111111", "us-east-1", r -> {
                r.tag("vpc-1", "k", value);
                return null;
            });
            // The journal never grows far past the snapshot.
            assertThat(Files.size(StateJournal.journalFile(state))).isLessThanOrEqualTo(snapshot + 400);
        }
        assertThat(Files.readString(state)).contains("\"v");
        // A crash now (no close): the next start replays what the journal holds beyond the snapshot.
        List<StateJournal.Record> records = new ArrayList<>();
        StateJournal.open(state, records);
        Map<String, TemporaryCredential> sessions = new java.util.LinkedHashMap<>();
        Map<String, Long> steps = new java.util.LinkedHashMap<>();
        Map<String, RegionState> regions = new java.util.LinkedHashMap<>();
        long held = StateCodec.read(Files.readString(state), sessions, steps, regions, new IamState());
        records.stream()
                .filter(r -> r.seq() > held)
                .forEach(r -> r.ops().forEach(op -> regions.get(KEY).apply(op)));
        assertThat(regions.get(KEY).tags("vpc-1")).containsExactly(Map.entry("k", "v39"));
        opened.close();
    }

    @Test
    void aJournalThatCannotBeReplayedIsRefusedAndTheSnapshotIsLeftAlone() throws IOException {
        Path state = Files.createTempDirectory("rolehop-journal").resolve("state.json");
        WorldState.open(WORLD, state).close();
        String snapshot = Files.readString(state);
        StateJournal journal = StateJournal.open(state, new ArrayList<>());
        journal.append(1, tag("one"));
        journal.append(2, List.of(Map.of("region", KEY, "op", "frobnicate")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WorldState.open(WORLD, state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(state + ": cannot read the rolehop local state file (unknown journal operation "
                        + "frobnicate); move it away to start with a fresh state");
        assertThat(Files.readString(state)).isEqualTo(snapshot);
        assertThat(Files.size(StateJournal.journalFile(state))).isPositive();
    }
}
