package dev.rolehop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.executor.RunOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleHandlersTest {

    @TempDir
    Path dir;

    private static final String ROLE_HANDLERS = """
            - name: shared
              debug: msg=role-shared
            - name: role listener
              debug: msg=role-listener
              listen: topic
            """;

    private static final String PLAYBOOK = """
            - hosts: localhost
              gather_facts: false
              roles: [r]
              tasks:
                - debug: msg=t
                  changed_when: true
                  notify: [shared, topic]
              handlers:
                - name: shared
                  debug: msg=play-shared
                - name: play listener
                  debug: msg=play-listener
                  listen: topic
            """;

    private static String handlerRuns(String stdout) {
        return String.join(
                ",",
                stdout.lines()
                        .filter(l -> l.startsWith("RUNNING HANDLER"))
                        .map(l -> l.substring("RUNNING HANDLER [".length(), l.indexOf(']')))
                        .toList());
    }

    @Test
    void theRolesHandlersRunBeforeThePlaysAndTheLastLoadedWinsByName() {
        PlayFixture fixture = new PlayFixture(dir)
                .file("roles/r/tasks/main.yml", "- debug: msg=r\n")
                .file("roles/r/handlers/main.yml", ROLE_HANDLERS);

        fixture.play(PLAYBOOK, RunOptions.defaults());

        assertThat(handlerRuns(fixture.stdout())).isEqualTo("r : role listener,shared,play listener");
        assertThat(fixture.stdout()).contains("\"msg\": \"play-shared\"").doesNotContain("role-shared");
    }

    @Test
    void aRoleUsedTwiceRunsItsHandlerOnce() {
        PlayFixture fixture = new PlayFixture(dir)
                .file("roles/r/tasks/main.yml", "- debug: msg=r\n  changed_when: true\n  notify: restart\n")
                .file("roles/r/handlers/main.yml", "- name: restart\n  debug: msg=\"restart {{ v }}\"\n");

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  roles:
                    - role: r
                      v: 1
                    - role: r
                      v: 2
                """, RunOptions.defaults());

        assertThat(handlerRuns(fixture.stdout())).isEqualTo("r : restart");
        assertThat(fixture.stdout()).contains("\"msg\": \"restart 2\"");
    }
}
