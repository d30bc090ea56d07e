package dev.rolehop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.executor.RunOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A looped set_fact sees the facts of the items before it, as in Ansible (checked against ansible-playbook 2.14). */
class LoopFactsTest {

    @TempDir
    Path dir;

    @Test
    void aLoopedSetFactAccumulates() {
        PlayFixture fixture = new PlayFixture(dir);

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  vars:
                    acc: {}
                    names: []
                  tasks:
                    - set_fact:
                        acc: "{{ acc | combine({item: 1}) }}"
                        names: "{{ names + [item] }}"
                      loop: [a, b, c]
                    - debug:
                        msg: "{{ acc }} {{ names }}"
                """, RunOptions.defaults());

        assertThat(fixture.stdout()).contains("\"msg\": \"{'a': 1, 'b': 1, 'c': 1} ['a', 'b', 'c']\"");
    }
}
