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

/**
 * Many hosts on many forks: every run of the same play prints the same output, whatever order
 * the workers finish in, and no worker sees play state half-written by the main thread.
 */
class ConcurrencyTest {

    private static final int RUNS = 8;

    /**
     * Each host sets a fact, loops, registers, reads another host's fact through hostvars (the
     * state another worker's result changes), notifies a handler, and one in fifty fails.
     */
    private static final String PLAYBOOK = """
            - hosts: all
              gather_facts: false
              tasks:
                - set_fact:
                    n: "{{ inventory_hostname[1:] | int }}"
                - debug:
                    msg: "{{ n }}-{{ item }}"
                  loop: [1, 2, 3]
                  register: looped
                - set_fact:
                    seen: "{{ hostvars[groups['all'][(n | int) % 200]]['n'] | default('unset') }}"
                - debug:
                    msg: "{{ seen }} {{ looped.results | length }}"
                  changed_when: (n | int) % 3 == 0
                  notify: report
                - fail:
                    msg: odd one out
                  when: (n | int) % 50 == 7
                - debug:
                    var: seen
              handlers:
                - name: report
                  debug:
                    msg: "handled {{ n }}"
            """;

    @TempDir
    Path dir;

    @Test
    void twoHundredHostsOnTwentyForksPrintTheSameOutputEveryRun() throws IOException {
        StringBuilder inventory = new StringBuilder("[all]\n");
        for (int i = 1; i <= 200; i++) {
            inventory.append(String.format("h%03d ansible_connection=local%n", i));
        }
        Files.writeString(dir.resolve("inventory"), inventory);
        Files.writeString(dir.resolve("play.yml"), PLAYBOOK);

        String first = run();
        assertThat(first)
                .contains("ok: [h200] => {\n    \"seen\": \"1\"\n}")
                .contains("fatal: [h007]: FAILED! => {\"changed\": false, \"msg\": \"odd one out\"}")
                .contains("h003                       : ok=6    changed=1    unreachable=0    failed=0    skipped=1")
                .contains("h057                       : ok=4    changed=1    unreachable=0    failed=1    skipped=0");
        for (int i = 1; i < RUNS; i++) {
            assertThat(run()).as("run %d", i + 1).isEqualTo(first);
        }
    }

    private String run() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Engine engine = new Engine(new ModuleRegistry(new BuiltinModules().modules()), Prompter.none(), d -> {});
        int code = engine.run(
                new PlayRequest(
                        List.of(dir.resolve("play.yml")),
                        List.of(dir.resolve("inventory").toString()),
                        RunOptions.defaults().withForks(20).withEnvironment(Map.of("PATH", "/usr/bin:/bin")),
                        PlayRequest.Mode.RUN,
                        false),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                false);
        assertThat(code).isEqualTo(2);
        return out.toString(StandardCharsets.UTF_8);
    }
}
