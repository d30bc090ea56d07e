package dev.rolehop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.executor.RunOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefusedKeywordsTest {

    @TempDir
    Path dir;

    @Test
    void becomeIsRefusedByNameAtItsLine() {
        PlayFixture fixture = new PlayFixture(dir);
        int rc = fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: as root
                      command: id
                      become: true
                """, RunOptions.defaults());
        assertThat(rc).isEqualTo(4);
        assertThat(fixture.stderr())
                .contains("ERROR! 'become' is not supported by rolehop")
                .contains("line 6, column 7");
        assertThat(fixture.stdout()).doesNotContain("TASK");
    }

    @Test
    void becomeFalseChangesNothingAndIsAccepted() {
        PlayFixture fixture = new PlayFixture(dir);
        int rc = fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  become: no
                  tasks:
                    - debug:
                        msg: fine
                """, RunOptions.defaults());
        assertThat(rc).isZero();
    }

    @Test
    void aConnectionOtherThanLocalIsRefused() {
        PlayFixture fixture = new PlayFixture(dir);
        int rc = fixture.play("""
                - hosts: localhost
                  connection: ssh
                  gather_facts: false
                  tasks:
                    - debug:
                        msg: never
                """, RunOptions.defaults());
        assertThat(rc).isEqualTo(4);
        assertThat(fixture.stderr()).contains("'connection' is not supported by rolehop");
    }

    @Test
    void asyncRunsTheTaskAsAJob() {
        PlayFixture fixture = new PlayFixture(dir);
        int rc = fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  vars:
                    ansible_async_dir: "%s"
                  tasks:
                    - command: echo hi
                      async: 10
                      poll: 0
                      register: job
                    - command: sleep 2
                    - async_status:
                        jid: "{{ job.ansible_job_id }}"
                      register: done
                    - debug:
                        msg: "{{ done.stdout }} {{ job.finished }} {{ done.finished }}"
                """.formatted(dir.resolve("jobs")), RunOptions.defaults());
        assertThat(rc).isZero();
        assertThat(fixture.stdout()).contains("\"msg\": \"hi 0 1\"");
    }
}
