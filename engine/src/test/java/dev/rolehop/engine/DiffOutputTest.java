package dev.rolehop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.executor.RunOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffOutputTest {

    @TempDir
    Path dir;

    @Test
    void eachChangedLoopItemShowsItsDiffBeforeItsLine() {
        PlayFixture fixture = new PlayFixture(dir).file("a", "").file("b", "");

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: remove
                      file:
                        path: "{{ playbook_dir }}/{{ item }}"
                        state: absent
                      loop: [a, b, c]
                """, RunOptions.defaults().withDiff(true));

        assertThat(fixture.stdout()).contains("""
                TASK [remove] ******************************************************************
                --- before
                +++ after
                @@ -1,4 +1,4 @@
                 {
                     "path": "<DIR>/a",
                -    "state": "file"
                +    "state": "absent"
                 }

                changed: [localhost] => (item=a)
                --- before
                +++ after
                @@ -1,4 +1,4 @@
                 {
                     "path": "<DIR>/b",
                -    "state": "file"
                +    "state": "absent"
                 }

                changed: [localhost] => (item=b)
                ok: [localhost] => (item=c)

                PLAY RECAP""");
    }

    @Test
    void removingADirectoryListsWhatItHeldTopDown() {
        PlayFixture fixture = new PlayFixture(dir)
                .file("tree/z.txt", "")
                .file("tree/sub/deep/x.txt", "")
                .file("tree/a.txt", "");

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: remove
                      file:
                        path: "{{ playbook_dir }}/tree"
                        state: absent
                """, RunOptions.defaults().withDiff(true));

        assertThat(fixture.stdout()).contains("""
                 {
                     "path": "<DIR>/tree",
                -    "path_content": {
                -        "directories": [
                -            "<DIR>/tree/sub",
                -            "<DIR>/tree/sub/deep"
                -        ],
                -        "files": [
                -            "<DIR>/tree/a.txt",
                -            "<DIR>/tree/z.txt",
                -            "<DIR>/tree/sub/deep/x.txt"
                -        ]
                -    },
                -    "state": "directory"
                +    "state": "absent"
                 }

                changed: [localhost]
                """);
    }

    @Test
    void aNoLogResultShowsNoDiff() {
        PlayFixture fixture = new PlayFixture(dir).file("a", "");

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - file:
                        path: "{{ playbook_dir }}/a"
                        state: absent
                      no_log: true
                """, RunOptions.defaults().withDiff(true));

        assertThat(fixture.stdout()).doesNotContain("--- before").contains("changed: [localhost]");
    }

    @Test
    void aModeChangeShowsTheModeBeforeAndAfter() {
        PlayFixture fixture = new PlayFixture(dir).file("a", "");

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - file:
                        path: "{{ playbook_dir }}/a"
                        mode: "0644"
                      diff: false
                    - name: restrict
                      file:
                        path: "{{ playbook_dir }}/a"
                        mode: "0600"
                """, RunOptions.defaults().withDiff(true));

        assertThat(fixture.stdout()).contains("""
                TASK [restrict] ****************************************************************
                --- before
                +++ after
                @@ -1,4 +1,4 @@
                 {
                -    "mode": "0644",
                +    "mode": "0600",
                     "path": "<DIR>/a"
                 }

                changed: [localhost]
                """);
    }
}
