package dev.rolehop.engine.delegate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.Engine;
import dev.rolehop.engine.PlayRequest;
import dev.rolehop.engine.builtin.BuiltinModules;
import dev.rolehop.engine.executor.Prompter;
import dev.rolehop.engine.executor.RunOptions;
import dev.rolehop.engine.module.ModuleRegistry;
import dev.rolehop.python.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modules rolehop does not build in, run end to end through the engine with the ansible-core
 * installed on this machine: a {@code library/} module of the test's own, ansible-core's modules,
 * Ansible's MODULE FAILURE, check mode, timeouts and the messages when a module cannot be found or run.
 */
class DelegatedModulesTest {

    @TempDir
    Path dir;

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void requireAnsible() {
        Installed.require();
    }

    private Path write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private int play(String playbook, RunOptions options) throws IOException {
        return play(playbook, options, Map.of());
    }

    private int play(String playbook, RunOptions options, Map<String, String> extraEnv) throws IOException {
        write("playbook.yml", playbook);
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(Installed.ENV);
        env.put("HOME", dir.resolve("home").toString());
        env.putAll(extraEnv);
        Engine engine = new Engine(new ModuleRegistry(new BuiltinModules().modules()), Prompter.none(), d -> {});
        return engine.run(
                new PlayRequest(
                        List.of(dir.resolve("playbook.yml")),
                        List.of(),
                        options.withEnvironment(env),
                        PlayRequest.Mode.RUN,
                        false),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8).replace(dir.toString(), "<DIR>");
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8).replace(dir.toString(), "<DIR>");
    }

    private static final String ECHO_MODULE = """
            #!/usr/bin/python
            import os
            from ansible.module_utils.basic import AnsibleModule

            def main():
                module = AnsibleModule(
                    argument_spec=dict(greeting=dict(type='str', required=True), token=dict(type='str', no_log=True)),
                    supports_check_mode=True)
                module.warn('a warning from the module')
                module.exit_json(
                    changed=not module.check_mode,
                    said=module.params['greeting'].upper(),
                    name=module._name,
                    check=module.check_mode,
                    verbosity=module._verbosity,
                    version=module.ansible_version,
                    tmpdir_exists=os.path.isdir(module.tmpdir),
                    worker=os.getppid())

            if __name__ == '__main__':
                main()
            """;

    private static final String ECHO_PLAY = """
            - hosts: localhost
              gather_facts: false
              tasks:
                - name: first
                  echo:
                    greeting: hello
                    token: s3cr3t-token
                  register: first
                - name: second
                  echo:
                    greeting: again
                  register: second
                - debug:
                    msg: "{{ first.said }} {{ first.name }} {{ first.check }} {{ first.version }} {{ first.tmpdir_exists }} {{ first.worker == second.worker }}"
            """;

    @Test
    void aLibraryModuleBesideThePlaybookRunsWithAnsiblesArgumentsInOneWorker() throws IOException {
        write("library/echo.py", ECHO_MODULE);

        int rc = play(ECHO_PLAY, RunOptions.defaults().withVerbosity(3));

        assertThat(rc).as(stdout() + stderr()).isZero();
        assertThat(stdout())
                .contains("changed: [localhost] => {")
                .contains("\"msg\": \"HELLO echo False "
                        + Installed.probe().installation().version() + " True True\"")
                .contains("            \"greeting\": \"hello\",\n            \"token\": "
                        + "\"VALUE_SPECIFIED_IN_NO_LOG_PARAMETER\"\n")
                .contains("Using module file <DIR>/library/echo.py")
                .doesNotContain("s3cr3t-token")
                .contains("ok=3    changed=2");
        assertThat(stderr()).contains("[WARNING]: a warning from the module");
    }

    @Test
    void checkModeIsPassedToTheModuleAndAModuleWithoutItIsSkippedWithAnsiblesMessage() throws IOException {
        write("library/echo.py", ECHO_MODULE);
        write("library/nocheck.py", """
                #!/usr/bin/python
                from ansible.module_utils.basic import AnsibleModule
                AnsibleModule(argument_spec={}).exit_json(changed=True)
                """);

        int rc = play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - echo:
                        greeting: hi
                      register: checked
                    - nocheck:
                    - debug:
                        var: checked.check
                """, RunOptions.defaults().withCheck(true).withVerbosity(1));

        assertThat(rc).as(stdout() + stderr()).isZero();
        assertThat(stdout())
                .contains("skipping: [localhost] => {\"changed\": false, \"msg\": \"remote module (nocheck) does not "
                        + "support check mode\"}")
                .contains("\"checked.check\": true");
    }

    @Test
    void ansibleCoresModulesRunFromTheInstalledAnsible() throws IOException {
        Path file = write("data/settings.conf", "a=1\n");

        String playbook = """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - ansible.builtin.lineinfile:
                        path: "{{ playbook_dir }}/data/settings.conf"
                        line: b=2
                    - tempfile:
                        state: directory
                      register: scratch
                    - ansible.builtin.file:
                        path: "{{ scratch.path }}"
                        state: absent
                """;
        int first = play(playbook, RunOptions.defaults());
        assertThat(first).as(stdout() + stderr()).isZero();
        assertThat(stdout()).contains("ok=3    changed=3");
        assertThat(Files.readString(file)).isEqualTo("a=1\nb=2\n");

        int second = play(playbook, RunOptions.defaults().withDiff(true));
        assertThat(second).isZero();
        assertThat(stdout()).contains("TASK [ansible.builtin.lineinfile]", "ok: [localhost]", "ok=3    changed=2");
    }

    @Test
    void outputThatIsNotJsonIsAnsiblesModuleFailure() throws IOException {
        write("library/broken.py", """
                #!/usr/bin/python
                import sys
                from ansible.module_utils.basic import AnsibleModule
                print("not json")
                sys.stderr.write("boom\\n")
                sys.exit(3)
                """);

        int rc = play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - broken:
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(2);
        assertThat(stdout())
                .contains("fatal: [localhost]: FAILED! => {\"changed\": false, \"module_stderr\": \"boom\\n\", "
                        + "\"module_stdout\": \"not json\\n\", \"msg\": \"MODULE FAILURE\\nSee stdout/stderr for the "
                        + "exact error\", \"rc\": 3}");
    }

    @Test
    void aCrashShowsTheLastLineOfItsTracebackAndAllOfItAtVvv() throws IOException {
        write("library/crash.py", """
                #!/usr/bin/python
                from ansible.module_utils.basic import AnsibleModule
                raise RuntimeError('the module broke')
                """);
        String playbook = """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - crash:
                """;

        assertThat(play(playbook, RunOptions.defaults())).isEqualTo(2);
        assertThat(stdout())
                .contains("An exception occurred during task execution. To see the full traceback, use -vvv. The "
                        + "error was: RuntimeError: the module broke")
                .contains("\"msg\": \"MODULE FAILURE\\nSee stdout/stderr for the exact error\", \"rc\": 1}");

        assertThat(play(playbook, RunOptions.defaults().withVerbosity(3))).isEqualTo(2);
        assertThat(stdout())
                .contains("The full traceback is:\nTraceback (most recent call last):")
                .contains("Using module file <DIR>/library/crash.py");
    }

    @Test
    void moduleUtilsBesideThePlaybookAndLegacyRedirectedOnesImport() throws IOException {
        write("module_utils/shout.py", "def shout(text):\n    return text.upper() + '!'\n");
        write("library/uses_utils.py", """
                #!/usr/bin/python
                from ansible.module_utils.basic import AnsibleModule
                from ansible.module_utils.shout import shout
                from ansible.module_utils.ec2 import camel_dict_to_snake_dict
                AnsibleModule(argument_spec={}).exit_json(
                    changed=False, said=shout('hi'), snake=camel_dict_to_snake_dict({'FooBar': 1}))
                """);

        int rc = play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - uses_utils:
                """, RunOptions.defaults().withVerbosity(1));

        assertThat(rc).as(stdout() + stderr()).isZero();
        assertThat(stdout())
                .contains("ok: [localhost] => {\"changed\": false, \"said\": \"HI!\", \"snake\": {\"foo_bar\": 1}}");
    }

    @Test
    void nonPythonModulesGetTheirArgumentsInAFileAsAnsibleWritesIt() throws IOException {
        write("library/want_json.sh", """
                #!/bin/sh
                # WANT_JSON
                cp "$1" "$ARGS_COPY"
                printf '{"changed": false}'

                """);
        write("library/old_style.sh", """
                #!/bin/sh
                . "$1"
                printf '{"changed": true, "greeting": "%s"}' "$greeting"
                """);

        int rc = play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - want_json:
                        color: blue
                      environment:
                        ARGS_COPY: "{{ playbook_dir }}/args.json"
                    - old_style:
                        greeting: hi there
                      register: old
                    - debug:
                        msg: "{{ old.greeting }}"
                """, RunOptions.defaults());

        assertThat(rc).as(stdout() + stderr()).isZero();
        assertThat(stdout()).contains("\"msg\": \"hi there\"");
        Map<?, ?> args = (Map<?, ?>) Json.loads(Files.readString(dir.resolve("args.json")));
        assertThat(args.keySet().stream().map(String::valueOf).toList())
                .containsExactly(
                        "color",
                        "_ansible_check_mode",
                        "_ansible_no_log",
                        "_ansible_debug",
                        "_ansible_diff",
                        "_ansible_verbosity",
                        "_ansible_version",
                        "_ansible_module_name",
                        "_ansible_syslog_facility",
                        "_ansible_selinux_special_fs",
                        "_ansible_string_conversion_action",
                        "_ansible_socket",
                        "_ansible_shell_executable",
                        "_ansible_keep_remote_files",
                        "_ansible_tmpdir",
                        "_ansible_remote_tmp");
        assertThat(args.get("_ansible_module_name")).isEqualTo("want_json");
        assertThat(args.get("_ansible_syslog_facility")).isEqualTo("LOG_USER");
        assertThat(args.get("_ansible_remote_tmp")).isEqualTo("~/.ansible/tmp");
        // As Ansible's shell expands it (echo ~USER): the home of the password database, not $HOME.
        Path tmpdir = Path.of(String.valueOf(args.get("_ansible_tmpdir")));
        assertThat(tmpdir.toString()).startsWith(System.getProperty("user.home") + "/.ansible/tmp/ansible-tmp-");
        assertThat(tmpdir).doesNotExist();
    }

    @Test
    void aModuleOverItsTimeoutIsKilled() throws IOException {
        write("library/slow.py", """
                #!/usr/bin/python
                import os, time
                from ansible.module_utils.basic import AnsibleModule
                module = AnsibleModule(argument_spec=dict(pidfile=dict(type='str')))
                with open(module.params['pidfile'], 'w') as f:
                    f.write(str(os.getpid()))
                time.sleep(60)
                module.exit_json(changed=False)
                """);

        int rc = play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - slow:
                        pidfile: "{{ playbook_dir }}/pid"
                      timeout: 2
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(2);
        assertThat(stdout())
                .contains("The slow action failed to execute in the expected time frame (2) and was terminated");
        long pid = Long.parseLong(Files.readString(dir.resolve("pid")).strip());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
    }

    @Test
    void anUnknownModuleNamesWhereItWasLookedForAndWhatToInstall() throws IOException {
        int rc = play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - amazon.aws.no_such_thing:
                        x: 1
                    - no_such_module:
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(4);
        assertThat(stderr())
                .contains("ERROR! couldn't resolve module/action 'amazon.aws.no_such_thing'. This often indicates a "
                        + "misspelling, missing collection, or incorrect module path.")
                .contains(
                        "rolehop looked for 'amazon.aws.no_such_thing' among its built-in modules and in: amazon.aws (")
                .contains("The error appears to be in '<DIR>/playbook.yml': line 4, column 7");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aMissingCollectionSaysHowToInstallIt() throws IOException {
        int rc = play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - acme.widgets.frobnicate:
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(4);
        assertThat(stderr())
                .contains("The collection acme.widgets is not installed: install it with 'ansible-galaxy collection "
                        + "install acme.widgets'");
    }

    @Test
    void aRemovedModuleIsAnsiblesDeprecatedError() throws IOException {
        int rc = play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - bigip_asm_policy:
                        name: x
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(1);
        assertThat(stderr())
                .endsWith("ERROR! [DEPRECATED]: ansible.builtin.bigip_asm_policy has been removed. bigip_asm_policy "
                        + "has been removed please use bigip_asm_policy_manage instead. This feature was removed from "
                        + "ansible-core in a release after 2019-11-06. Please update your playbooks.\n");
    }

    @Test
    void anActionPluginModuleFailsItsTaskWithWhy() throws IOException {
        int rc = play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - fetch:
                        src: /etc/hostname
                        dest: /tmp
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(2);
        assertThat(stdout())
                .contains("rolehop cannot run this task: Ansible runs ansible.builtin.fetch through its action plugin");
    }

    @Test
    void aRedirectIsShownAtVvAsAnsibleShowsIt() throws IOException {
        int rc = play("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - ec2_tag_info:
                        resource: i-0123456789abcdef0
                      ignore_errors: true
                """, RunOptions.defaults().withVerbosity(2));

        assertThat(rc).as(stderr()).isZero();
        String redirect = "redirecting (type: modules) ansible.builtin.ec2_tag_info to amazon.aws.ec2_tag_info";
        assertThat(stdout().split(Pattern.quote(redirect), -1)).hasSize(4);
        assertThat(stdout())
                .contains("The ec2_tag_info module requires a region and none was found in configuration, environment "
                        + "variables or module parameters")
                .contains("configured module search path = ['<DIR>/home/.ansible/plugins/modules', "
                        + "'/usr/share/ansible/plugins/modules']");
    }

    @Test
    void anInterpreterThatCannotStartFailsTheTaskWithWhy() throws IOException {
        write("library/echo.py", ECHO_MODULE);

        int rc = play("""
                - hosts: localhost
                  gather_facts: false
                  vars:
                    ansible_python_interpreter: /nonexistent/python3
                  tasks:
                    - echo:
                        greeting: hi
                """, RunOptions.defaults());

        assertThat(rc).isEqualTo(2);
        assertThat(stdout())
                .contains("rolehop cannot run the module echo (<DIR>/library/echo.py): cannot start "
                        + "/nonexistent/python3");
    }
}
