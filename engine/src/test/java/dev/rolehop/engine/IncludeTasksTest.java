package dev.rolehop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.executor.RunOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeTasksTest {

    private static final String RECAP_LINE = "localhost                  : ok=%d    changed=0    unreachable=0    "
            + "failed=%d    skipped=0    rescued=0    ignored=%d   \n";

    @TempDir
    Path dir;

    @Test
    void eachInclusionCountsAsOkOnce() {
        PlayFixture fixture = new PlayFixture(dir).file("step.yml", "- debug: msg={{ item }}\n");

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - include_tasks: step.yml
                      loop: [a, b]
                """, RunOptions.defaults());

        assertThat(fixture.stdout()).contains("""
                TASK [include_tasks] ***********************************************************
                included: <DIR>/step.yml for localhost => (item=a)
                included: <DIR>/step.yml for localhost => (item=b)
                """).endsWith(RECAP_LINE.formatted(4, 0, 0) + "\n");
    }

    @Test
    void theKeywordsOfAnIncludeApplyToTheIncludeAlone() {
        PlayFixture fixture = new PlayFixture(dir).file("fails.yml", """
                - fail: msg=inside
                - debug: msg=never
                """);

        int rc = fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - include_tasks: fails.yml
                      ignore_errors: true
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(2);
        assertThat(fixture.stdout())
                .contains("fatal: [localhost]: FAILED! => {\"changed\": false, \"msg\": \"inside\"}\n\n" + "PLAY RECAP")
                .endsWith(RECAP_LINE.formatted(1, 1, 0) + "\n");
    }

    @Test
    void theKeywordsOfApplyReachTheIncludedTasks() {
        PlayFixture fixture = new PlayFixture(dir).file("fails.yml", """
                - fail: msg=inside
                - debug: msg=after
                """);

        int rc = fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - include_tasks:
                        file: fails.yml
                        apply:
                          ignore_errors: true
                """, RunOptions.defaults());

        assertThat(rc).isZero();
        assertThat(fixture.stdout())
                .contains("...ignoring\n")
                .contains("\"msg\": \"after\"")
                .endsWith(RECAP_LINE.formatted(3, 0, 1) + "\n");
    }

    @Test
    void theTagsOfAnIncludeDoNotSelectTheIncludedTasks() {
        PlayFixture fixture = new PlayFixture(dir).file("more.yml", "- debug: msg=included\n");

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - include_tasks: more.yml
                      tags: web
                """, RunOptions.defaults().withTags(List.of("web"), List.of()));

        assertThat(fixture.stdout())
                .contains("included: <DIR>/more.yml for localhost\n\nPLAY RECAP")
                .doesNotContain("\"msg\": \"included\"");
    }

    @Test
    void aMissingFileFailsTheHostsOfTheInclude() {
        PlayFixture fixture = new PlayFixture(dir);

        int rc = fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - include_tasks: nope.yml
                    - debug: msg=never
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(2);
        assertThat(fixture.stdout()).contains("""
                TASK [include_tasks] ***********************************************************
                fatal: [localhost]: FAILED! => {"reason": "Could not find or access '<DIR>/nope.yml' on the Ansible Controller."}

                PLAY RECAP""").endsWith(RECAP_LINE.formatted(0, 1, 0) + "\n");
    }

    @Test
    void aNoLogIncludeCensorsItsItemLabel() {
        PlayFixture fixture = new PlayFixture(dir).file("step.yml", "- debug: msg=shown\n");

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - include_tasks: step.yml
                      no_log: true
                """, RunOptions.defaults());

        assertThat(fixture.stdout())
                .contains("included: <DIR>/step.yml for localhost => (item=(censored due to no_log))\n")
                .contains("\"msg\": \"shown\"");
    }

    @Test
    void anIncludeLoopIsReportedByItsLoopControlLabel() {
        PlayFixture fixture = new PlayFixture(dir).file("step.yml", "- debug: msg={{ item }}\n");

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - include_tasks: step.yml
                      loop: [1, 2]
                      loop_control:
                        label: "L{{ item }}"
                """, RunOptions.defaults());

        assertThat(fixture.stdout())
                .contains("included: <DIR>/step.yml for localhost => (item=L1)\n"
                        + "included: <DIR>/step.yml for localhost => (item=L2)\n");
    }

    @Test
    void keyValueArgumentsOfAnIncludeAreParsed() {
        PlayFixture fixture = new PlayFixture(dir).file("step.yml", "- debug: msg=kv\n");

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - include_tasks: file=step.yml
                """, RunOptions.defaults());

        assertThat(fixture.stdout()).contains("included: <DIR>/step.yml for localhost\n");
    }

    @Test
    void aMissingFileInABlockIsRescuedThoughTheRecapCountsTheFailure() {
        PlayFixture fixture = new PlayFixture(dir);

        int rc = fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - block:
                        - include_tasks: nope.yml
                      rescue:
                        - debug: msg=rescued
                """, RunOptions.defaults());

        assertThat(rc).isZero();
        assertThat(fixture.stdout()).contains("\"msg\": \"rescued\"").endsWith(RECAP_LINE.formatted(1, 1, 0) + "\n");
    }

    @Test
    void skippedItemsAreReportedAndAnIncludeWithNoItemLeftIsSkipped() {
        PlayFixture fixture = new PlayFixture(dir).file("step.yml", "- debug: msg={{ item }}\n");

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: some
                      include_tasks: step.yml
                      loop: [1, 2]
                      when: item != 2
                    - name: none
                      include_tasks: step.yml
                      loop: [1]
                      when: item == 5
                    - name: empty
                      include_tasks: step.yml
                      loop: []
                """, RunOptions.defaults());

        assertThat(fixture.stdout()).contains("""
                TASK [some] ********************************************************************
                skipping: [localhost] => (item=2)\s
                included: <DIR>/step.yml for localhost => (item=1)
                """).contains("""
                TASK [none] ********************************************************************
                skipping: [localhost] => (item=1)\s
                skipping: [localhost]

                TASK [empty] *******************************************************************
                skipping: [localhost]

                PLAY RECAP *********************************************************************
                localhost                  : ok=2    changed=0    unreachable=0    failed=0    skipped=2    rescued=0    ignored=0   \n""");
    }

    @Test
    void theVarsOfAnIncludeOutrankSetFactButNotExtraVars() {
        PlayFixture fixture = new PlayFixture(dir).file("inc.yml", """
                - set_fact:
                    q: set
                    e: set
                - debug:
                    msg: "{{ q }} {{ e }}"
                """);

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - include_tasks: inc.yml
                      vars:
                        q: include
                        e: include
                """, RunOptions.defaults().withExtraVars(java.util.Map.of("e", "extra")));

        assertThat(fixture.stdout()).contains("\"msg\": \"include extra\"");
    }
}
