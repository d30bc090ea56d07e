package dev.rolehop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.builtin.BuiltinModules;
import dev.rolehop.engine.executor.Prompter;
import dev.rolehop.engine.executor.RunOptions;
import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleRegistry;
import dev.rolehop.engine.module.ModuleResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<java.time.Duration> slept = new ArrayList<>();

    /** A module of the "aws" action group that echoes its region and returns a secret it marks. */
    private static final class RegionModule implements Module {
        @Override
        public String name() {
            return "test.aws.region_echo";
        }

        @Override
        public Set<String> aliases() {
            return Set.of("region_echo");
        }

        @Override
        public Set<String> actionGroups() {
            return Set.of("aws");
        }

        @Override
        public ArgumentSpec argumentSpec() {
            return ArgumentSpec.of(Argument.of("region", ArgumentType.STR).asRequired());
        }

        @Override
        public ModuleResult run(ModuleArgs args, ModuleContext context) {
            String secret = "SECRETKEY" + "1234567890abcdef";
            context.markSecret(secret);
            return ModuleResult.ok(Map.of("region", args.string("region").orElseThrow(), "secret_access_key", secret));
        }
    }

    private int play(String playbook, RunOptions options) throws IOException {
        Path file = dir.resolve("play.yml");
        Files.writeString(file, playbook);
        var modules = new ArrayList<>(new BuiltinModules().modules());
        modules.add(new RegionModule());
        Engine engine = new Engine(new ModuleRegistry(modules), Prompter.none(), slept::add);
        return engine.run(
                new PlayRequest(
                        List.of(file),
                        List.of(),
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

    @Test
    void theClassicShapePrintsWhatAnsiblePlaybookPrints() throws IOException {
        int rc = play("""
                - name: demo play
                  hosts: localhost
                  connection: local
                  gather_facts: false
                  vars:
                    who: world
                  tasks:
                    - name: say
                      debug:
                        msg: "hello {{ who }}"
                    - set_fact:
                        x: 5
                    - name: skip me
                      debug: msg=hi
                      when: false
                    - name: fail it
                      fail:
                        msg: boom
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(2);
        assertThat(stdout()).isEqualTo("""

                PLAY [demo play] ***************************************************************

                TASK [say] *********************************************************************
                ok: [localhost] => {
                    "msg": "hello world"
                }

                TASK [set_fact] ****************************************************************
                ok: [localhost]

                TASK [skip me] *****************************************************************
                skipping: [localhost]

                TASK [fail it] *****************************************************************
                fatal: [localhost]: FAILED! => {"changed": false, "msg": "boom"}

                PLAY RECAP *********************************************************************
                localhost                  : ok=2    changed=0    unreachable=0    failed=1    skipped=1    rescued=0    ignored=0   \n
                """);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("[WARNING]: No inventory was parsed, only implicit localhost is available\n");
    }

    @Test
    void groupModuleDefaultsApplyToModulesOfThatActionGroup() throws IOException {
        play("""
                - hosts: localhost
                  gather_facts: false
                  module_defaults:
                    group/aws:
                      region: eu-west-1
                  tasks:
                    - region_echo: {}
                      register: r
                    - debug: var=r.region
                """, RunOptions.defaults());

        assertThat(stdout()).contains("\"r.region\": \"eu-west-1\"");
    }

    @Test
    void aValueAModuleMarksSecretIsNeverPrintedEvenAtVvvv() throws IOException {
        play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - region_echo:
                        region: us-east-1
                      register: r
                    - debug: var=r
                """, RunOptions.defaults().withVerbosity(4));

        assertThat(stdout())
                .doesNotContain("SECRETKEY1234567890abcdef")
                .contains("\"secret_access_key\": \"********\"");
    }

    @Test
    void untilRetriesWithTheDelayAndReportsEachRetry() throws IOException {
        int rc = play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: count
                      command: "false"
                      register: r
                      until: r.rc == 0
                      retries: 2
                      delay: 7
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(2);
        assertThat(stdout())
                .contains("FAILED - RETRYING: [localhost]: count (2 retries left).\n"
                        + "FAILED - RETRYING: [localhost]: count (1 retries left).\n");
        assertThat(slept).containsExactly(java.time.Duration.ofSeconds(7), java.time.Duration.ofSeconds(7));
    }

    @Test
    void rescueCountsAsRescuedNotFailed() throws IOException {
        int rc = play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - block:
                        - fail: msg=x
                      rescue:
                        - debug: msg=rescued
                      always:
                        - debug: msg=always
                """, RunOptions.defaults());

        assertThat(rc).isZero();
        assertThat(stdout())
                .contains("localhost                  : ok=2    changed=0    unreachable=0    failed=0    "
                        + "skipped=0    rescued=1    ignored=0");
    }

    @Test
    void anUnknownModuleIsAParseErrorWithASuggestion() throws IOException {
        int rc = play("""
                - hosts: localhost
                  tasks:
                    - set_fakt:
                        a: 1
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("ERROR! couldn't resolve module/action 'set_fakt'.")
                .contains("Did you mean 'set_fact'?")
                .contains("line 3, column 7");
    }

    @Test
    void anUnknownPlayKeywordIsRejected() throws IOException {
        int rc = play("""
                - hosts: localhost
                  tsks: []
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ERROR! 'tsks' is not a valid attribute for a Play");
    }

    @Test
    void checkModeDoesNotRunCommands() throws IOException {
        Path marker = dir.resolve("marker");
        play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - command: touch %s
                """.formatted(marker), RunOptions.defaults().withCheck(true));

        assertThat(marker).doesNotExist();
        assertThat(stdout()).contains("skipping: [localhost]");
    }

    @Test
    void tagsSelectTasks() throws IOException {
        play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - debug: msg=one
                      tags: [one]
                    - debug: msg=two
                      tags: [two]
                """, RunOptions.defaults().withTags(List.of("two"), List.of()));

        assertThat(stdout()).contains("\"msg\": \"two\"").doesNotContain("\"msg\": \"one\"");
    }

    @Test
    void startAtTaskSkipsTheTasksBeforeIt() throws IOException {
        play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: first
                      debug: msg=one
                    - name: second
                      debug: msg=two
                """, RunOptions.defaults().withStartAtTask("second"));

        assertThat(stdout()).doesNotContain("TASK [first]").contains("TASK [second]");
    }

    @Test
    void hostvarsReadsAnotherHostsVariables() throws IOException {
        Path inventory = Files.writeString(
                dir.resolve("hosts"),
                "[app]\na1 ansible_connection=local\na2 ansible_connection=local\n\n[app:vars]\ntier=front\n");
        Files.writeString(dir.resolve("play.yml"), """
                - hosts: a1
                  gather_facts: false
                  tasks:
                    - debug:
                        msg: "{{ hostvars['a2']['tier'] }} {{ hostvars['a1'].inventory_hostname }} {{ inventory_file | basename }}"
                """);
        Engine engine = new Engine(new ModuleRegistry(new BuiltinModules().modules()), Prompter.none(), slept::add);
        int rc = engine.run(
                new PlayRequest(
                        List.of(dir.resolve("play.yml")),
                        List.of(inventory.toString()),
                        RunOptions.defaults().withEnvironment(Map.of("PATH", "/usr/bin:/bin")),
                        PlayRequest.Mode.RUN,
                        false),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);

        assertThat(rc).isZero();
        assertThat(stdout()).contains("\"msg\": \"front a1 hosts\"");
    }

    @Test
    void aTemplateErrorOtherThanAnUndefinedVariableCarriesNoTaskLocation() throws IOException {
        play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - debug:
                        msg: "{{ 1 + }}"
                """, RunOptions.defaults());

        assertThat(stdout())
                .contains(
                        "fatal: [localhost]: FAILED! => {\"msg\": \"template error while templating string: "
                                + "unexpected 'end of print statement'. String: {{ 1 + }}. unexpected 'end of print statement'\"}\n");
    }

    @Test
    void anAssertionOnAnUndefinedVariableFailsWithAnsiblesConditionalMessage() throws IOException {
        play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - assert:
                        that: ghost == 1
                """, RunOptions.defaults());

        assertThat(stdout())
                .contains("fatal: [localhost]: FAILED! => {\"msg\": \"The conditional check 'ghost == 1' failed. "
                        + "The error was: error while evaluating conditional (ghost == 1): 'ghost' is undefined. "
                        + "'ghost' is undefined\"}\n");
    }

    @Test
    void anUntilOnAnUndefinedVariableFailsTheTask() throws IOException {
        play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - debug: msg=x
                      until: ghost
                      retries: 1
                      delay: 0
                """, RunOptions.defaults());

        assertThat(stdout())
                .contains(
                        "fatal: [localhost]: FAILED! => {\"msg\": \"The conditional check 'ghost' failed. "
                                + "The error was: error while evaluating conditional (ghost): 'ghost' is undefined. 'ghost' is undefined\"}\n");
    }

    @Test
    void aLoopOverAnUndefinedVariableFailsWithTheBareMessage() throws IOException {
        play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - debug: msg=x
                      loop: "{{ ghost }}"
                """, RunOptions.defaults());

        assertThat(stdout())
                .contains("fatal: [localhost]: FAILED! => {\"msg\": \"'ghost' is undefined. 'ghost' is undefined\"}\n");
    }

    @Test
    void ansiblesSettingsTurnTheImplicitLocalhostWarningsOff() throws IOException {
        Path file = Files.writeString(dir.resolve("quiet.yml"), """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - debug: msg=hi
                """);
        Engine engine = new Engine(new ModuleRegistry(new BuiltinModules().modules()), Prompter.none(), slept::add);
        RunOptions options = RunOptions.defaults()
                .withEnvironment(
                        Map.of("ANSIBLE_LOCALHOST_WARNING", "false", "ANSIBLE_INVENTORY_UNPARSED_WARNING", "no"));

        int rc = engine.run(
                new PlayRequest(List.of(file), List.of(), options, PlayRequest.Mode.RUN, false),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);

        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
