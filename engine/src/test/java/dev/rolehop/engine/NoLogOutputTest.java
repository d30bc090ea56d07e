package dev.rolehop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.executor.RunOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoLogOutputTest {

    private static final String CENSORED = "{\"censored\": \"the output has been hidden due to the fact that "
            + "'no_log: true' was specified for this result\", \"changed\": false}";

    private static final String SECRET_LOOP = """
            - hosts: localhost
              gather_facts: false
              tasks:
                - name: secret loop
                  debug:
                    msg: "{{ item }}"
                  loop: [s1, s2]
                  no_log: true
            """;

    @TempDir
    Path dir;

    @Test
    void aNoLogLoopPrintsItsCensoredResultAfterTheItems() {
        PlayFixture fixture = new PlayFixture(dir);

        fixture.play(SECRET_LOOP, RunOptions.defaults());

        assertThat(fixture.stdout()).contains("""
                TASK [secret loop] *************************************************************
                ok: [localhost] => (item=None)
                ok: [localhost] => (item=None)
                ok: [localhost]

                PLAY RECAP""");
    }

    @Test
    void aNoLogLoopShowsTheCensoredResultAtVerbosityOne() {
        PlayFixture fixture = new PlayFixture(dir);

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - set_fact:
                        token: "{{ item }}"
                      loop: [s1, s2]
                      no_log: true
                """, RunOptions.defaults().withVerbosity(1));

        assertThat(fixture.stdout())
                .contains("ok: [localhost] => (item=None) => " + CENSORED + "\n"
                        + "ok: [localhost] => (item=None) => " + CENSORED + "\n"
                        + "ok: [localhost] => " + CENSORED + "\n\n")
                .doesNotContain("s1")
                .doesNotContain("s2");
    }

    @Test
    void aLoopWithoutNoLogIsShownByItsItemsAlone() {
        PlayFixture fixture = new PlayFixture(dir);

        fixture.play(SECRET_LOOP.replace("no_log: true", "no_log: false"), RunOptions.defaults());

        assertThat(fixture.stdout()).contains("""
                ok: [localhost] => (item=s2) => {
                    "msg": "s2"
                }

                PLAY RECAP""");
    }

    @Test
    void aLoopIsCensoredWhenAnyOfItsItemsIs() {
        PlayFixture fixture = new PlayFixture(dir);

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: per item
                      debug:
                        msg: "{{ item }}"
                      loop: [pub, secret]
                      no_log: "{{ item == 'secret' }}"
                """, RunOptions.defaults());

        assertThat(fixture.stdout()).contains("""
                TASK [per item] ****************************************************************
                ok: [localhost] => (item=pub) => {
                    "msg": "pub"
                }
                ok: [localhost] => (item=None)
                ok: [localhost]

                PLAY RECAP""");
    }

    @Test
    void aCensoredDebugResultLosesItsChangedFlagAsDebugResultsDo() {
        PlayFixture fixture = new PlayFixture(dir);

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: skipped
                      debug: msg=x
                      loop: [a]
                      when: false
                      no_log: true
                """, RunOptions.defaults().withVerbosity(1));

        String censored = "{\"censored\": \"the output has been hidden due to the fact that 'no_log: true' was "
                + "specified for this result\"}";
        assertThat(fixture.stdout())
                .contains("skipping: [localhost] => (item=None)  => " + censored + "\n" + "skipping: [localhost] => "
                        + censored + "\n");
    }
}
