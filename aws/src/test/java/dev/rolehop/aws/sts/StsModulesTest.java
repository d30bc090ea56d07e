package dev.rolehop.aws.sts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.aws.AwsModuleProvider;
import dev.rolehop.aws.LocalLab;
import dev.rolehop.aws.TestModuleContext;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The STS modules and aws_caller_info against a real rolehop local (a fresh one per test: MFA codes are single-use). */
class StsModulesTest {

    @TempDir
    Path dir;

    LocalLab lab;
    final List<Module> modules = new AwsModuleProvider().modules();

    @BeforeEach
    void start() {
        lab = new LocalLab(dir);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private Map<String, Object> assumeArgs() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("role_arn", LocalLab.LAB_ROLE);
        args.put("role_session_name", "tests");
        args.put("mfa_serial_number", LocalLab.MFA_SERIAL);
        args.put("mfa_token", lab.mfaCode());
        return args;
    }

    @Test
    void assumeRoleWithMfaReturnsTemporaryKeysMarkedSecret() {
        var context = new TestModuleContext(lab.jumpEnvironment());
        var args = assumeArgs();
        ModuleResult result = LocalLab.run(modules, "sts_assume_role", args, context);

        assertThat(result.failed()).as(result.msg()).isFalse();
        assertThat(result.changed()).isTrue();
        @SuppressWarnings("unchecked")
        var creds = (Map<String, Object>) result.values().get("sts_creds");
        assertThat(creds).containsOnlyKeys("access_key", "secret_key", "session_token", "expiration");
        assertThat(context.secrets)
                .contains((String) creds.get("secret_key"), (String) creds.get("session_token"), (String)
                        args.get("mfa_token"));
        assertThat((String) creds.get("expiration")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        @SuppressWarnings("unchecked")
        var user = (Map<String, Object>) result.values().get("sts_user");
        assertThat(user).containsOnlyKeys("assumed_role_id", "arn");
        assertThat((String) user.get("arn")).isEqualTo("arn:aws:sts::222222222222:assumed-role/lab-admin/tests");
        assertThat(context.calls()).containsExactly("sts AssumeRole");
    }

    @Test
    void assumeRoleWithoutMfaFailsWithAwsAccessDenied() {
        var args = assumeArgs();
        args.remove("mfa_serial_number");
        args.remove("mfa_token");
        ModuleResult result = LocalLab.run(
                modules, "community.aws.sts_assume_role", args, new TestModuleContext(lab.jumpEnvironment()));

        assertThat(result.failed()).isTrue();
        assertThat(result.msg()).startsWith("An error occurred (AccessDenied) when calling the AssumeRole operation: ");
        @SuppressWarnings("unchecked")
        var error = (Map<String, Object>) result.values().get("error");
        assertThat(error).containsEntry("code", "AccessDenied");
    }

    @Test
    void theAssumedKeysWorkInTheLabAccount() {
        ModuleResult assumed =
                LocalLab.run(modules, "sts_assume_role", assumeArgs(), new TestModuleContext(lab.jumpEnvironment()));
        @SuppressWarnings("unchecked")
        var creds = (Map<String, Object>) assumed.values().get("sts_creds");
        ModuleResult info = LocalLab.run(
                modules,
                "aws_caller_info",
                Map.of(
                        "aws_access_key",
                        creds.get("access_key"),
                        "aws_secret_key",
                        creds.get("secret_key"),
                        "security_token",
                        creds.get("session_token")),
                new TestModuleContext(Map.of("AWS_URL", lab.endpoint())));

        assertThat(info.failed()).as(info.msg()).isFalse();
        assertThat(info.values()).containsEntry("account", "222222222222");
    }

    @Test
    void sessionTokenReturnsTemporaryKeys() {
        var context = new TestModuleContext(lab.jumpEnvironment());
        ModuleResult result = LocalLab.run(
                modules,
                "sts_session_token",
                Map.of("mfa_serial_number", LocalLab.MFA_SERIAL, "mfa_token", lab.mfaCode()),
                context);

        assertThat(result.failed()).as(result.msg()).isFalse();
        @SuppressWarnings("unchecked")
        var creds = (Map<String, Object>) result.values().get("sts_creds");
        assertThat((String) creds.get("access_key")).startsWith("ASIA");
        assertThat(context.secrets).contains((String) creds.get("session_token"));
    }

    @Test
    void callerInfoNamesAccountAliasArnAndUser() {
        var context = new TestModuleContext(lab.jumpEnvironment());
        ModuleResult result = LocalLab.run(modules, "aws_caller_info", Map.of(), context);

        assertThat(result.changed()).isFalse();
        assertThat(result.values())
                .containsOnlyKeys("user_id", "account", "arn", "account_alias")
                .containsEntry("account", "111111111111")
                .containsEntry("account_alias", "jump")
                .containsEntry("arn", "arn:aws:iam::111111111111:user/alice");
        assertThat(context.calls()).containsExactly("sts GetCallerIdentity", "iam ListAccountAliases");
    }

    @Test
    void aProfileWithMfaAsksOnceAndCreatesInTheLabAccount() {
        var context = new TestModuleContext(lab.profileEnvironment(), false, false, lab.mfaCode());
        ModuleResult result = LocalLab.run(
                modules,
                "amazon.aws.ec2_security_group",
                Map.of("profile", "lab", "name", "via-profile", "description", "made through the lab profile"),
                context);

        assertThat(result.failed()).as(result.msg()).isFalse();
        assertThat(result.values()).containsEntry("owner_id", "222222222222");
        assertThat(context.prompts).hasSize(1);
    }
}
