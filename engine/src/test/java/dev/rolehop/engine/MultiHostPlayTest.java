package dev.rolehop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.builtin.BuiltinModules;
import dev.rolehop.engine.executor.Prompter;
import dev.rolehop.engine.executor.RunOptions;
import dev.rolehop.engine.module.ModuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plays over several inventory hosts: batches, forks, run_once, failure limits, limits and environment. */
class MultiHostPlayTest {

    private static final String RECAP_TAIL =
            "    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0   \n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int play(String inventory, String playbook, RunOptions options) throws IOException {
        Path hosts = dir.resolve("inventory");
        Files.writeString(hosts, inventory);
        Path file = dir.resolve("play.yml");
        Files.writeString(file, playbook);
        Engine engine = new Engine(new ModuleRegistry(new BuiltinModules().modules()), Prompter.none(), d -> {});
        return engine.run(
                new PlayRequest(
                        List.of(file),
                        List.of(hosts.toString()),
                        options.withEnvironment(Map.of("PATH", "/usr/bin:/bin")),
                        PlayRequest.Mode.RUN,
                        false),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static final String THREE_NODES = """
            [nodes]
            n1
            n2
            n3
            """;

    @Test
    void eachSerialBatchRunsUnderItsOwnPlayBanner() throws IOException {
        play(THREE_NODES, """
                - name: batches
                  hosts: nodes
                  gather_facts: false
                  serial: 2
                  tasks:
                    - debug:
                        msg: "{{ ansible_play_batch }}"
                """, RunOptions.defaults().withForks(1));

        assertThat(stdout()).startsWith("""

                PLAY [batches] *****************************************************************

                TASK [debug] *******************************************************************
                ok: [n1] => {
                    "msg": [
                        "n1",
                        "n2"
                    ]
                }
                ok: [n2] => {
                    "msg": [
                        "n1",
                        "n2"
                    ]
                }

                PLAY [batches] *****************************************************************

                TASK [debug] *******************************************************************
                ok: [n3] => {
                    "msg": [
                        "n3"
                    ]
                }
                """);
    }

    @Test
    void hostsPrintInTheOrderTheyFinishNotInInventoryOrder() throws IOException {
        play("""
                [nodes]
                slow nap=1
                fast nap=0
                """, """
                - hosts: nodes
                  gather_facts: false
                  tasks:
                    - command: sleep {{ nap }}
                      changed_when: false
                """, RunOptions.defaults().withForks(2));

        assertThat(stdout()).contains("ok: [fast]\nok: [slow]\n");
    }

    @Test
    void aRunOnceTaskRunsOnTheFirstHostAndSharesFactsAndRegisteredResults() throws IOException {
        play(THREE_NODES, """
                - hosts: nodes
                  gather_facts: false
                  tasks:
                    - set_fact:
                        token: "made by {{ inventory_hostname }}"
                      run_once: "{{ 'yes' }}"
                    - command: echo {{ inventory_hostname }}
                      run_once: true
                      register: echoed
                    - debug:
                        msg: "{{ token }} / {{ echoed.stdout }}"
                """, RunOptions.defaults().withForks(1));

        assertThat(stdout()).contains("""
                TASK [set_fact] ****************************************************************
                ok: [n1]
                """).contains("""
                TASK [command] *****************************************************************
                changed: [n1]
                """);
        assertThat(stdout().split("\"msg\": \"made by n1 / n1\"", -1)).hasSize(4);
        assertThat(stdout())
                .contains(
                        "n1                         : ok=3    changed=1" + RECAP_TAIL,
                        "n2                         : ok=1    changed=0" + RECAP_TAIL);
    }

    @Test
    void aFailedRunOnceTaskFailsEveryHostOfTheBatch() throws IOException {
        int rc = play(THREE_NODES, """
                - hosts: nodes
                  gather_facts: false
                  tasks:
                    - fail:
                        msg: once
                      run_once: true
                    - debug:
                        msg: never
                """, RunOptions.defaults().withForks(1));

        assertThat(rc).isEqualTo(2);
        assertThat(stdout()).contains("""
                fatal: [n1]: FAILED! => {"changed": false, "msg": "once"}

                NO MORE HOSTS LEFT *************************************************************
                """).doesNotContain("never");
    }

    @Test
    void anyErrorsFatalStopsEveryHostAfterTheTaskThatFailed() throws IOException {
        int rc = play(THREE_NODES, """
                - hosts: nodes
                  gather_facts: false
                  any_errors_fatal: true
                  tasks:
                    - fail:
                        msg: broke
                      when: inventory_hostname == 'n2'
                    - debug:
                        msg: never
                - hosts: nodes
                  gather_facts: false
                  tasks:
                    - debug:
                        msg: next play
                """, RunOptions.defaults().withForks(1));

        assertThat(rc).isEqualTo(2);
        assertThat(stdout()).contains("""
                TASK [fail] ********************************************************************
                skipping: [n1]
                fatal: [n2]: FAILED! => {"changed": false, "msg": "broke"}
                skipping: [n3]

                NO MORE HOSTS LEFT *************************************************************

                PLAY RECAP *********************************************************************
                """).doesNotContain("never", "next play");
        assertThat(stdout())
                .contains(
                        "n1                         : ok=0    changed=0    unreachable=0    failed=0    skipped=1    rescued=0",
                        "n2                         : ok=0    changed=0    unreachable=0    failed=1    skipped=0    rescued=0");
    }

    @Test
    void anyErrorsFatalSparesAFailureThatARescueHandles() throws IOException {
        int rc = play(THREE_NODES, """
                - hosts: nodes
                  gather_facts: false
                  any_errors_fatal: true
                  tasks:
                    - block:
                        - fail:
                            msg: broke
                          when: inventory_hostname == 'n2'
                      rescue:
                        - debug:
                            msg: rescued
                    - debug:
                        msg: after
                """, RunOptions.defaults().withForks(1));

        assertThat(rc).isZero();
        assertThat(stdout()).doesNotContain("NO MORE HOSTS LEFT").contains("ok: [n3] => {\n    \"msg\": \"after\"\n}");
    }

    @Test
    void aFailureAnAlwaysSectionStillHandlesIsNotFatalButOneInTheAlwaysSectionIs() throws IOException {
        String play = """
                - hosts: nodes
                  gather_facts: false
                  any_errors_fatal: true
                  tasks:
                    - block:
                        - fail:
                            msg: broke
                          when: inventory_hostname == 'n2' and where == 'block'
                      always:
                        - fail:
                            msg: always broke
                          when: inventory_hostname == 'n2' and where == 'always'
                    - debug:
                        msg: after
                """;

        play(THREE_NODES, play, RunOptions.defaults().withForks(1).withExtraVars(Map.of("where", "block")));
        assertThat(stdout()).doesNotContain("NO MORE HOSTS LEFT").contains("ok: [n3] => {\n    \"msg\": \"after\"\n}");

        out.reset();
        play(THREE_NODES, play, RunOptions.defaults().withForks(1).withExtraVars(Map.of("where", "always")));
        assertThat(stdout()).contains("NO MORE HOSTS LEFT").doesNotContain("after");
    }

    @Test
    void maxFailPercentageStopsThePlayOnlyWhenTheShareOfFailedHostsExceedsIt() throws IOException {
        int rc = play("""
                [nodes]
                n1
                n2
                n3
                n4
                """, """
                - hosts: nodes
                  gather_facts: false
                  max_fail_percentage: 25%
                  tasks:
                    - name: first
                      fail:
                        msg: first
                      when: inventory_hostname == 'n1'
                    - name: second
                      fail:
                        msg: second
                      when: inventory_hostname == 'n2'
                    - name: third
                      debug:
                        msg: never
                """, RunOptions.defaults().withForks(1));

        assertThat(rc).isEqualTo(2);
        assertThat(stdout()).contains("""
                TASK [second] ******************************************************************
                fatal: [n2]: FAILED! => {"changed": false, "msg": "second"}
                skipping: [n3]
                skipping: [n4]

                NO MORE HOSTS LEFT *************************************************************

                NO MORE HOSTS LEFT *************************************************************

                PLAY RECAP ****""").doesNotContain("TASK [third]");
    }

    @Test
    void taskEnvironmentAddsToThePlaysAndWinsOverIt() throws IOException {
        play("localhost ansible_connection=local\n", """
                - hosts: localhost
                  gather_facts: false
                  environment:
                    A: play
                    B: play
                  tasks:
                    - shell: echo "$A $B"
                      environment:
                        B: task
                      register: e
                    - debug:
                        var: e.stdout
                """, RunOptions.defaults());

        assertThat(stdout()).contains("\"e.stdout\": \"play task\"");
    }

    @Test
    void aLimitThatLeavesNoHostIsAnErrorBeforeAnyPlay() throws IOException {
        int rc = play(THREE_NODES, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - debug:
                        msg: never
                """, RunOptions.defaults().withLimit("nosuch"));

        assertThat(rc).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).isEqualTo("""
                [WARNING]: Could not match supplied host pattern, ignoring: nosuch
                ERROR! Specified inventory, host pattern and/or --limit leaves us with no hosts to target.
                """);
    }

    @Test
    void aStartAtTaskThatNeverMatchesIsReportedAsAnError() throws IOException {
        int rc = play(THREE_NODES, """
                - hosts: n1
                  gather_facts: false
                  tasks:
                    - name: only task
                      debug:
                        msg: never
                """, RunOptions.defaults().withStartAtTask("no such task"));

        assertThat(rc).isZero();
        assertThat(stderr()).isEqualTo("""
                 [ERROR]: No matching task "no such task" found. Note: --start-at-task can only
                follow static includes.
                """);
    }

    @Test
    void hostvarsOfAHostCanBeSearchedInATemplate() throws IOException {
        play(THREE_NODES, """
                - hosts: n1
                  gather_facts: false
                  tasks:
                    - debug:
                        msg: "{{ 'inventory_hostname' in hostvars['n2'] }} {{ hostvars | length }}"
                """, RunOptions.defaults());

        assertThat(stdout()).contains("\"msg\": \"True 3\"");
    }
}
