package dev.rolehop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.executor.RunOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolesTest {

    @TempDir
    Path dir;

    private PlayFixture fixture() {
        return new PlayFixture(dir)
                .file(
                        "roles/greet/tasks/main.yml",
                        "- name: greet\n  debug: msg=\"hello {{ who | default('all') }}\"\n")
                .file("roles/greet/tasks/bye.yml", "- name: bye\n  debug: msg=bye\n")
                .file("roles/greet/defaults/main.yml", "who: defaults\n")
                .file("roles/greet/defaults/other.yml", "who: other defaults\n");
    }

    private static long count(String text, String fragment) {
        return text.lines().filter(line -> line.equals(fragment)).count();
    }

    @Test
    void aRoleRunsOncePerPlayWithTheSameParameters() {
        PlayFixture fixture = fixture();

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  roles:
                    - greet
                    - greet
                    - role: greet
                      who: ann
                    - role: greet
                      who: ann
                """, RunOptions.defaults());

        assertThat(count(
                        fixture.stdout(),
                        "TASK [greet : greet] ***********************************************************"))
                .isEqualTo(2);
        assertThat(fixture.stdout()).contains("\"msg\": \"hello defaults\"").contains("\"msg\": \"hello ann\"");
    }

    @Test
    void aDependencySharedByTwoRolesRunsOnce() {
        PlayFixture fixture = fixture()
                .file("roles/app/meta/main.yml", "dependencies:\n  - role: greet\n    who: dep\n")
                .file("roles/app/tasks/main.yml", "- debug: msg=app\n")
                .file("roles/api/meta/main.yml", "dependencies:\n  - role: greet\n    who: dep\n")
                .file("roles/api/tasks/main.yml", "- debug: msg=api\n");

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  roles: [app, api]
                """, RunOptions.defaults());

        assertThat(fixture.stdout())
                .containsOnlyOnce("\"msg\": \"hello dep\"")
                .contains("\"msg\": \"app\"")
                .contains("\"msg\": \"api\"");
    }

    @Test
    void aRoleThatAllowsDuplicatesRunsAgain() {
        PlayFixture fixture = fixture().file("roles/greet/meta/main.yml", "allow_duplicates: true\n");

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  roles: [greet, greet]
                """, RunOptions.defaults());

        assertThat(count(
                        fixture.stdout(),
                        "TASK [greet : greet] ***********************************************************"))
                .isEqualTo(2);
    }

    @Test
    void aRoleWhoseTasksWereAllSkippedRunsAgain() {
        PlayFixture fixture = new PlayFixture(dir)
                .file("roles/maybe/tasks/main.yml", "- debug: msg=ran\n  when: go | default(false)\n");
        String once = """
                    - import_role:
                        name: maybe
                        allow_duplicates: false
                """;

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                """ + once + """
                    - set_fact:
                        go: true
                """ + once + once, RunOptions.defaults());

        assertThat(fixture.stdout()).contains("""
                TASK [maybe : debug] ***********************************************************
                skipping: [localhost]

                TASK [set_fact] ****************************************************************
                ok: [localhost]

                TASK [maybe : debug] ***********************************************************
                ok: [localhost] => {
                    "msg": "ran"
                }

                PLAY RECAP""");
    }

    @Test
    void importRoleTakesTasksFromAndKeyValueArguments() {
        PlayFixture fixture = fixture();

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - import_role: name=greet tasks_from=bye
                    - import_role:
                        name: greet
                        defaults_from: other
                """, RunOptions.defaults());

        assertThat(fixture.stdout()).contains("""
                TASK [greet : bye] *************************************************************
                ok: [localhost] => {
                    "msg": "bye"
                }

                TASK [greet : greet] ***********************************************************
                ok: [localhost] => {
                    "msg": "hello other defaults"
                }
                """);
    }

    @Test
    void includeRoleIsNamedAfterItsRoleAndNotCounted() {
        PlayFixture fixture = fixture();

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - include_role:
                        name: greet
                        tasks_from: "{{ 'bye' }}"
                """, RunOptions.defaults());

        assertThat(fixture.stdout()).contains("""
                TASK [include_role : greet] ****************************************************

                TASK [greet : bye] *************************************************************
                """).contains("localhost                  : ok=1    changed=0");
    }

    @Test
    void aMissingTasksFromFileIsAnError() {
        PlayFixture fixture = fixture();

        int rc = fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - import_role:
                        name: greet
                        tasks_from: nope
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(4);
        assertThat(fixture.stderr()).contains("ERROR! Could not find specified file in role: tasks/nope");
    }

    @Test
    void includeRoleOfAMissingRoleFailsItsHostsUncounted() {
        PlayFixture fixture = new PlayFixture(dir);

        int rc = fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - include_role: name=nosuch
                    - debug: msg=never
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(2);
        assertThat(fixture.stdout()).endsWith("""
                TASK [include_role : nosuch] ***************************************************

                PLAY RECAP *********************************************************************

                """);
        assertThat(fixture.stderr()).contains("ERROR! the role 'nosuch' was not found in ");
    }

    @Test
    void aMissingRoleOfThePlayIsAnErrorThatExitsOne() {
        PlayFixture fixture = new PlayFixture(dir);

        int rc = fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  roles: [nosuch]
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(1);
        assertThat(fixture.stderr()).contains("ERROR! the role 'nosuch' was not found in ");
    }

    @Test
    void roleParametersOutrankSetFact() {
        PlayFixture fixture =
                new PlayFixture(dir).file("roles/r/tasks/main.yml", "- set_fact:\n    p: set\n- debug: var=p\n");

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  roles:
                    - role: r
                      p: param
                  tasks:
                    - include_role:
                        name: r
                      vars:
                        p: include
                """, RunOptions.defaults());

        assertThat(fixture.stdout())
                .contains("\"p\": \"param\"")
                .contains("\"p\": \"include\"")
                .doesNotContain("\"p\": \"set\"");
    }

    @Test
    void roleIsAnAliasOfNameForIncludeRoleAndImportRole() {
        PlayFixture fixture = fixture();

        fixture.play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - include_role:
                        role: greet
                        tasks_from: bye
                    - import_role:
                        role: greet
                        tasks_from: bye
                """, RunOptions.defaults());

        assertThat(fixture.stdout())
                .contains("TASK [include_role : greet] ****")
                .contains("localhost                  : ok=2    changed=0");
    }
}
