package dev.rolehop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.executor.RunOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookSequenceTest {

    private static final String RECAP =
            "PLAY RECAP *********************************************************************\n";

    @TempDir
    Path dir;

    private static String play(String name, String task) {
        return """
                - name: %s
                  hosts: localhost
                  gather_facts: false
                  tasks:
                    - %s
                """.formatted(name, task);
    }

    @Test
    void eachPlaybookEndsWithARecapOfTheCountsSoFar() {
        PlayFixture fixture = new PlayFixture(dir)
                .file("one.yml", play("one", "debug: msg=1"))
                .file("two.yml", play("two", "debug: msg=2"));

        int rc = fixture.run(RunOptions.defaults(), "one.yml", "two.yml");

        assertThat(rc).isZero();
        assertThat(fixture.stdout())
                .contains(RECAP
                        + "localhost                  : ok=1    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0   \n"
                        + "\n\nPLAY [two] *********************************************************************\n")
                .endsWith(
                        RECAP
                                + "localhost                  : ok=2    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0   \n\n");
    }

    @Test
    void aPlaybookWithAFailedHostStopsTheRun() {
        PlayFixture fixture = new PlayFixture(dir)
                .file("one.yml", play("one", "fail: msg=no"))
                .file("two.yml", play("two", "debug: msg=2"));

        int rc = fixture.run(RunOptions.defaults(), "one.yml", "two.yml");

        assertThat(rc).isEqualTo(2);
        assertThat(fixture.stdout()).doesNotContain("PLAY [two]").containsOnlyOnce(RECAP);
    }

    @Test
    void aMissingVarsFileIsReportedAfterThePlayBanner() {
        PlayFixture fixture = new PlayFixture(dir);

        int rc = fixture.play("""
                - name: needs vars
                  hosts: localhost
                  gather_facts: true
                  vars_files: [vars/nope.yml]
                  tasks:
                    - debug: msg=never
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(1);
        assertThat(fixture.stdout())
                .isEqualTo("\nPLAY [needs vars] **************************************************************\n");
        assertThat(fixture.stderr()).contains("ERROR! vars file vars/nope.yml was not found\n");
    }

    @Test
    void aPlayWithoutHostsDoesNotReadItsVarsFiles() {
        PlayFixture fixture = new PlayFixture(dir);

        int rc = fixture.play("""
                - name: nobody
                  hosts: nosuch
                  vars_files: [vars/nope.yml]
                  tasks:
                    - debug: msg=never
                """, RunOptions.defaults());

        assertThat(rc).isZero();
        assertThat(fixture.stdout()).contains("skipping: no hosts matched\n");
    }
}
