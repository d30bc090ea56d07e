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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ansible-playbook prints around plays: a recap per playbook, and the banner before a play's vars_files. */
class PlaybookSequenceTest {

    private static final String RECAP_TAIL = "    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0   \n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int play(String... playbooks) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < playbooks.length; i++) {
            Path file = dir.resolve("play" + i + ".yml");
            Files.writeString(file, playbooks[i]);
            files.add(file);
        }
        Engine engine = new Engine(new ModuleRegistry(new BuiltinModules().modules()), Prompter.none(), d -> { });
        return engine.run(new PlayRequest(files, List.of(), RunOptions.defaults(), PlayRequest.Mode.RUN, false),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
    }

    @Test
    void eachPlaybookEndsWithARecapOfTheWholeRunSoFar() throws IOException {
        int rc = play("""
                - name: first
                  hosts: localhost
                  gather_facts: false
                  tasks:
                    - set_fact:
                        carried: yes
                """, """
                - name: second
                  hosts: localhost
                  gather_facts: false
                  tasks:
                    - debug:
                        var: carried
                """);

        assertThat(rc).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""

                PLAY [first] *******************************************************************

                TASK [set_fact] ****************************************************************
                ok: [localhost]

                PLAY RECAP *********************************************************************
                localhost                  : ok=1    changed=0%s

                PLAY [second] ******************************************************************

                TASK [debug] *******************************************************************
                ok: [localhost] => {
                    "carried": true
                }

                PLAY RECAP *********************************************************************
                localhost                  : ok=2    changed=0%s
                """.formatted(RECAP_TAIL, RECAP_TAIL));
    }

    @Test
    void aMissingVarsFileStopsTheRunAfterThePlayBanner() throws IOException {
        int rc = play("""
                - name: needs a file
                  hosts: localhost
                  gather_facts: false
                  vars_files:
                    - vars/nope.yml
                  tasks:
                    - debug:
                        msg: never
                """);

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""

                PLAY [needs a file] ************************************************************
                """);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ERROR! vars file vars/nope.yml was not found\n");
    }
}
