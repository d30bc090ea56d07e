package dev.rolehop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.delegate.DelegatedArguments;
import dev.rolehop.engine.delegate.ModuleLocation;
import dev.rolehop.engine.module.ModuleFailure;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rolehop's credentials handed to amazon.aws / community.aws modules run through Ansible's code. */
class AwsDelegatedArgumentsTest {

    @TempDir
    Path dir;

    private LocalLab lab;
    private final AwsDelegatedArguments hook = new AwsDelegatedArguments();

    @BeforeEach
    void start() {
        lab = new LocalLab(dir);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private static ModuleLocation module(String fqcn, String collection, Set<String> groups) {
        return new ModuleLocation(
                fqcn.substring(fqcn.lastIndexOf('.') + 1),
                fqcn,
                Path.of("/x/" + fqcn + ".py"),
                collection,
                null,
                groups,
                List.of(),
                List.of());
    }

    private static final ModuleLocation TAG = module("amazon.aws.ec2_tag", "amazon.aws", Set.of("aws"));

    private static Map<String, Object> args(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    @Test
    void appliesToTheAwsCollectionsAndTheAwsGroupOnly() {
        assertThat(hook.appliesTo(TAG)).isTrue();
        assertThat(hook.appliesTo(module("community.aws.ec2_win_password", "community.aws", Set.of())))
                .isTrue();
        assertThat(hook.appliesTo(module("acme.cloud.thing", "acme.cloud", Set.of("aws"))))
                .isTrue();
        assertThat(hook.appliesTo(module("ansible.builtin.lineinfile", "ansible.builtin", Set.of())))
                .isFalse();
        assertThat(hook.appliesTo(module("my_module", null, Set.of()))).isFalse();
    }

    @Test
    void aProfileWithMfaIsResolvedOnceAndHandedOverAsTemporaryKeys() {
        TestModuleContext context = new TestModuleContext(lab.profileEnvironment(), false, false, lab.mfaCode());

        DelegatedArguments.Handover first = hook.adjust(TAG, args("resource", "i-1", "profile", "lab"), context);
        DelegatedArguments.Handover second = hook.adjust(TAG, args("resource", "i-1", "aws_profile", "lab"), context);

        assertThat(context.prompts).hasSize(1);
        Map<String, Object> handed = first.arguments();
        assertThat(handed).doesNotContainKeys("profile", "aws_profile");
        assertThat(handed.keySet())
                .containsExactly(
                        "resource", "aws_access_key", "aws_secret_key", "aws_session_token", "region", "endpoint_url");
        assertThat(String.valueOf(handed.get("aws_access_key"))).startsWith("ASIA");
        assertThat(handed.get("region")).isEqualTo("us-east-1");
        assertThat(handed.get("endpoint_url")).isEqualTo(lab.endpoint());
        assertThat(first.secrets())
                .containsExactlyInAnyOrder(
                        (String) handed.get("aws_access_key"), (String) handed.get("aws_secret_key"), (String)
                                handed.get("aws_session_token"));
        assertThat(first.shown()).containsExactly(Map.entry("profile", "lab"));
        assertThat(second.arguments().get("aws_secret_key")).isEqualTo(handed.get("aws_secret_key"));
    }

    @Test
    void aTaskWithKeysOfItsOwnIsLeftAlone() {
        TestModuleContext context = new TestModuleContext(lab.profileEnvironment());
        Map<String, Object> given = args("resource", "i-1", "profile", "lab", "aws_secret_key", "x", "access_key", "y");

        DelegatedArguments.Handover handover = hook.adjust(TAG, given, context);

        assertThat(handover.arguments()).isEqualTo(given);
        assertThat(handover.secrets()).isEmpty();
    }

    @Test
    void theEndpointOfTheTaskOrOfAwsUrlWins() {
        Map<String, String> env = new LinkedHashMap<>(lab.profileEnvironment());
        TestModuleContext context = new TestModuleContext(env);
        assertThat(hook.adjust(TAG, args("endpoint_url", "http://elsewhere:1"), context)
                        .arguments())
                .containsEntry("endpoint_url", "http://elsewhere:1");
        env.put("AWS_URL", "http://other:2");
        assertThat(hook.adjust(TAG, args(), new TestModuleContext(env)).arguments())
                .doesNotContainKey("endpoint_url");
    }

    @Test
    void aProfileThatCannotBeResolvedFailsTheTaskWithTheResolversMessage() {
        TestModuleContext context = new TestModuleContext(lab.profileEnvironment());

        assertThatThrownBy(() -> hook.adjust(TAG, args("profile", "lab"), context))
                .isInstanceOf(ModuleFailure.class)
                .hasMessageContaining("MFA");
        assertThatThrownBy(() -> hook.adjust(TAG, args("profile", "nope"), context))
                .isInstanceOf(ModuleFailure.class)
                .hasMessageContaining("nope");
    }
}
