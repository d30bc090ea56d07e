package dev.rolehop.engine.delegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.module.Deprecation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Module names resolved as ansible-core 2.14 resolves them, against the ansible-core installed here. */
class PluginRoutingTest {

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();
    private final List<Deprecation> deprecations = new ArrayList<>();
    private final PluginRouting.Events events = new PluginRouting.Events() {
        @Override
        public void deprecated(Deprecation deprecation) {
            deprecations.add(deprecation);
        }

        @Override
        public void verbose(int level, String line) {
            lines.add(level + " " + line);
        }
    };

    private PluginRouting routing(Map<String, String> extra) {
        Installed.require();
        Map<String, String> env = new HashMap<>(Installed.ENV);
        env.put("HOME", dir.resolve("home").toString());
        env.putAll(extra);
        return new PluginRouting(AnsibleSettings.of(env), Installed::probe);
    }

    private ModuleLocation found(PluginRouting routing, String name) {
        PluginRouting.Resolution resolution = routing.resolve(name, events);
        assertThat(resolution).as(name).isInstanceOf(PluginRouting.Found.class);
        return ((PluginRouting.Found) resolution).location();
    }

    private Path write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aShortNameOfAnAnsibleCoreModuleIsItsBuiltinModule() {
        PluginRouting routing = routing(Map.of());

        ModuleLocation lineinfile = found(routing, "lineinfile");

        assertThat(lineinfile.fqcn()).isEqualTo("ansible.builtin.lineinfile");
        assertThat(lineinfile.collection()).isEqualTo("ansible.builtin");
        assertThat(lineinfile.path())
                .isEqualTo(Installed.probe().installation().modulesDir().resolve("lineinfile.py"));
        assertThat(lineinfile.runsAsModule()).isTrue();
        assertThat(lineinfile.pythonName()).isEqualTo("ansible.modules.lineinfile");
        assertThat(found(routing, "ansible.builtin.lineinfile").path()).isEqualTo(lineinfile.path());
        assertThat(found(routing, "ansible.legacy.lineinfile").path()).isEqualTo(lineinfile.path());
        assertThat(lines).isEmpty();
    }

    @Test
    void aShortNameRoutedByAnsibleCoreReachesTheInstalledCollection() {
        PluginRouting routing = routing(Map.of());

        ModuleLocation tag = found(routing, "ec2_tag");

        assertThat(tag.fqcn()).isEqualTo("amazon.aws.ec2_tag");
        assertThat(tag.collection()).isEqualTo("amazon.aws");
        assertThat(tag.path().toString()).endsWith("ansible_collections/amazon/aws/plugins/modules/ec2_tag.py");
        assertThat(tag.actionGroups()).containsExactly("aws");
        assertThat(tag.pythonName()).isEqualTo("ansible_collections.amazon.aws.plugins.modules.ec2_tag");
        assertThat(lines)
                .containsExactly("2 redirecting (type: modules) ansible.builtin.ec2_tag to amazon.aws.ec2_tag");
        assertThat(found(routing, "amazon.aws.ec2_tag").path()).isEqualTo(tag.path());
    }

    @Test
    void aModuleOfAnAnsibleCoreActionPluginIsMarkedAsSuch() {
        PluginRouting routing = routing(Map.of());

        assertThat(found(routing, "fetch").actionPlugin()).isNotNull();
        assertThat(found(routing, "wait_for_connection").runsAsModule()).isFalse();
        assertThat(found(routing, "amazon.aws.s3_object").actionPlugin().toString())
                .endsWith("amazon/aws/plugins/action/s3_object.py");
        assertThat(found(routing, "tempfile").actionPlugin()).isNull();
    }

    @Test
    void aTombstoneIsAnsiblesRemovedError() {
        PluginRouting routing = routing(Map.of());

        assertThatThrownBy(() -> routing.resolve("bigip_asm_policy", events))
                .isInstanceOf(AnsibleError.class)
                .hasMessage("[DEPRECATED]: ansible.builtin.bigip_asm_policy has been removed. bigip_asm_policy has "
                        + "been removed please use bigip_asm_policy_manage instead. This feature was removed from "
                        + "ansible-core in a release after 2019-11-06. Please update your playbooks.");
    }

    @Test
    void aLibraryModuleBesideThePlaybookWinsOverAnsibleCoresOnceThePlaybookIsLoaded() throws IOException {
        write("library/stat.py", "#!/usr/bin/python\nfrom ansible.module_utils.basic import AnsibleModule\n");
        write("library/my_mod.sh", "#!/bin/sh\necho '{}'\n");
        write("library/notes.txt", "not a module");
        PluginRouting routing = routing(Map.of());
        assertThat(found(routing, "stat").fqcn()).isEqualTo("ansible.builtin.stat");

        routing.addPluginDirs(dir);

        ModuleLocation stat = found(routing, "stat");
        assertThat(stat.fqcn()).isEqualTo("stat");
        assertThat(stat.collection()).isNull();
        assertThat(stat.path()).isEqualTo(dir.resolve("library/stat.py"));
        assertThat(stat.pythonName()).isEqualTo("ansible.modules.stat");
        assertThat(found(routing, "my_mod").path()).isEqualTo(dir.resolve("library/my_mod.sh"));
        assertThat(found(routing, "my_mod.sh").path()).isEqualTo(dir.resolve("library/my_mod.sh"));
        assertThat(routing.resolve("notes", events)).isInstanceOf(PluginRouting.NotFound.class);
    }

    @Test
    void ansibleLibraryAndItsSubfoldersAreSearched() throws IOException {
        write("lib/cloud/deep_mod.py", "#!/usr/bin/python\n");
        PluginRouting routing =
                routing(Map.of("ANSIBLE_LIBRARY", dir.resolve("lib").toString()));

        assertThat(found(routing, "deep_mod").path()).isEqualTo(dir.resolve("lib/cloud/deep_mod.py"));
    }

    @Test
    void aCollectionsRuntimeRoutesRedirectsDeprecationsAndTombstones() throws IOException {
        write("colls/ansible_collections/acme/tools/meta/runtime.yml", """
                plugin_routing:
                  modules:
                    old_name:
                      redirect: acme.tools.new_name
                      deprecation:
                        removal_version: 3.0.0
                        warning_text: Use acme.tools.new_name instead.
                    gone:
                      tombstone:
                        removal_date: 2022-06-01
                        warning_text: Use acme.tools.new_name.
                action_groups:
                  acme:
                    - new_name
                """);
        write("colls/ansible_collections/acme/tools/plugins/modules/new_name.py", "#!/usr/bin/python\n");
        PluginRouting routing =
                routing(Map.of("ANSIBLE_COLLECTIONS_PATH", dir.resolve("colls").toString()));

        ModuleLocation location = found(routing, "acme.tools.old_name");

        assertThat(location.fqcn()).isEqualTo("acme.tools.new_name");
        assertThat(location.actionGroups()).containsExactly("acme");
        assertThat(lines).containsExactly("2 redirecting (type: modules) acme.tools.old_name to acme.tools.new_name");
        assertThat(deprecations)
                .containsExactly(new Deprecation(
                        "acme.tools.old_name has been deprecated. Use acme.tools.new_name instead.",
                        "3.0.0",
                        null,
                        "acme.tools"));
        assertThatThrownBy(() -> routing.resolve("acme.tools.gone", events))
                .hasMessage("[DEPRECATED]: acme.tools.gone has been removed. Use acme.tools.new_name. This feature was "
                        + "removed from acme.tools in a release after 2022-06-01. Please update your playbooks.");
    }

    @Test
    void theFirstCollectionPathHoldingACollectionWins() throws IOException {
        write("first/ansible_collections/amazon/aws/plugins/modules/ec2_tag.py", "#!/usr/bin/python\n");
        PluginRouting routing =
                routing(Map.of("ANSIBLE_COLLECTIONS_PATHS", dir.resolve("first").toString()));

        assertThat(found(routing, "amazon.aws.ec2_tag").path())
                .isEqualTo(dir.resolve("first/ansible_collections/amazon/aws/plugins/modules/ec2_tag.py"));
    }

    @Test
    void anUnknownNameSaysWhereItWasLookedFor() {
        PluginRouting routing = routing(Map.of());

        var missing = (PluginRouting.NotFound) routing.resolve("no_such_module", events);

        assertThat(missing.explanation())
                .contains("rolehop looked for 'no_such_module' among its built-in modules and in: ")
                .contains(dir.resolve("home/.ansible/plugins/modules").toString())
                .contains("/usr/share/ansible/plugins/modules")
                .contains("ansible-core " + Installed.probe().installation().version() + "'s modules");
    }

    @Test
    void aMissingCollectionIsNamedWithHowToInstallIt() {
        PluginRouting routing = routing(Map.of());

        var missing = (PluginRouting.NotFound) routing.resolve("acme.nothere.thing", events);

        assertThat(missing.hint())
                .isEqualTo("The collection acme.nothere is not installed: install it with 'ansible-galaxy collection "
                        + "install acme.nothere' (or make its folder known with ANSIBLE_COLLECTIONS_PATH).");
        assertThat(missing.explanation()).contains("the collection acme.nothere in ['");
    }

    @Test
    void withoutAnsibleCoreTheMessageSaysWhatToInstall() {
        PluginRouting routing = new PluginRouting(
                AnsibleSettings.of(Map.of("HOME", dir.toString())),
                () -> new AnsibleInstallation.Probe(
                        null, List.of("python3: ModuleNotFoundError: No module named 'ansible'")));

        var missing = (PluginRouting.NotFound) routing.resolve("lineinfile", events);

        assertThat(missing.explanation())
                .contains("no Python with ansible-core was found (tried python3: ModuleNotFoundError: No module named "
                        + "'ansible')")
                .contains("apt install ansible-core")
                .contains("'lineinfile' is a module of ansible-core, which rolehop does not build in.");
    }
}
