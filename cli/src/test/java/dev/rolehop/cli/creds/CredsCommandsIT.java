package dev.rolehop.cli.creds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credentials commands of the packaged CLI on what needs no AWS endpoint: static keys,
 * credential_process, chains explained, errors, exec's environment and exit status.
 */
class CredsCommandsIT {

    private static final String SECRET = "jumpSecretKey0123456789";
    private static final String CONFIG = "[default]\nregion = us-east-1\n"
            + "[profile lab]\nrole_arn = arn:aws:iam::222222222222:role/lab-admin\nsource_profile = default\n"
            + "mfa_serial = arn:aws:iam::111111111111:mfa/alice\nregion = eu-west-1\n"
            + "[profile loop]\nrole_arn = arn:aws:iam::222222222222:role/a\nsource_profile = loop2\n"
            + "[profile loop2]\nrole_arn = arn:aws:iam::222222222222:role/b\nsource_profile = loop\n"
            + "[profile orphan]\nrole_arn = arn:aws:iam::222222222222:role/a\nsource_profile = jump\n";
    private static final String CREDENTIALS =
            "[default]\naws_access_key_id = AKIAJUMPEXAMPLE\naws_secret_access_key = " + SECRET + "\n";

    @TempDir
    Path home;

    private RolehopProcess rolehop;

    @BeforeEach
    void files() throws IOException {
        rolehop = new RolehopProcess(home).awsFiles(CONFIG, CREDENTIALS);
    }

    @Test
    void credsProcessFormatIsCredentialProcessVersion1() throws Exception {
        RolehopProcess.Result result = rolehop.run("creds", "--format", "process");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout())
                .isEqualTo("{\"Version\": 1, \"AccessKeyId\": \"AKIAJUMPEXAMPLE\", \"SecretAccessKey\": \"" + SECRET
                        + "\"}\n");
    }

    @Test
    void credsEnvFormatPrintsQuotedExports() throws Exception {
        RolehopProcess.Result result = rolehop.run("creds", "--profile", "default");

        assertThat(result.stdout())
                .isEqualTo("export AWS_ACCESS_KEY_ID='AKIAJUMPEXAMPLE'\nexport AWS_SECRET_ACCESS_KEY='" + SECRET
                        + "'\nexport AWS_REGION='us-east-1'\nexport AWS_DEFAULT_REGION='us-east-1'\n");
    }

    @Test
    void aProfileCanUseRolehopItselfAsCredentialProcess() throws Exception {
        rolehop.awsFiles(
                CONFIG + "[profile viaprocess]\ncredential_process = " + RolehopProcess.launcher()
                        + " creds --profile default --format process\n",
                CREDENTIALS);

        RolehopProcess.Result result = rolehop.run("creds", "--profile", "viaprocess", "--format", "json");

        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout())
                .isEqualTo(
                        "{\n  \"AccessKeyId\": \"AKIAJUMPEXAMPLE\",\n  \"SecretAccessKey\": \"" + SECRET + "\"\n}\n");
    }

    @Test
    void aNonInteractiveRunWithoutMfaTokenSaysHowToSupplyOne() throws Exception {
        RolehopProcess.Result result = rolehop.run("creds", "--profile", "lab");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr())
                .isEqualTo("rolehop creds: profile 'lab': role arn:aws:iam::222222222222:role/lab-admin"
                        + " requires an MFA code from arn:aws:iam::111111111111:mfa/alice and there is no terminal to ask for one;"
                        + " supply a code with --mfa-token CODE, the ROLEHOP_MFA_TOKEN environment variable, or an mfa_process"
                        + " command in the profile\n");
    }

    @Test
    void aCycleIsAnErrorListingTheChain() throws Exception {
        RolehopProcess.Result result = rolehop.run("whoami", "--profile", "loop");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr())
                .isEqualTo("rolehop whoami: profile 'loop': source_profile chain loop -> loop2 -> loop"
                        + " is a cycle; a profile may name itself as source_profile only when it holds aws_access_key_id and"
                        + " aws_secret_access_key\n");
    }

    @Test
    void aMissingSourceProfileIsAnErrorNamingTheDefinedOnes() throws Exception {
        RolehopProcess.Result result = rolehop.run("creds", "--profile", "orphan");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr())
                .isEqualTo("rolehop creds: profile 'orphan': source_profile 'jump' does not exist"
                        + " (defined profiles: default, lab, loop, loop2, orphan)\n");
    }

    @Test
    void explainPrintsTheChainAsJsonWithoutSecrets() throws Exception {
        RolehopProcess.Result result = rolehop.run("profiles", "--explain", "lab");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout())
                .isEqualTo("[\n  {\n    \"AccessKey\": {\n      \"access_key_id\": \"AKIAJUMPEXAMPLE\"\n"
                        + "    }\n  },\n  {\n    \"AssumeRole\": {\n      \"role_arn\": \"arn:aws:iam::222222222222:role/lab-admin\",\n"
                        + "      \"external_id\": null,\n      \"role_session_name\": null,\n"
                        + "      \"mfa_serial\": \"arn:aws:iam::111111111111:mfa/alice\",\n      \"duration_seconds\": null\n"
                        + "    }\n  }\n]\n");
    }

    @Test
    void profilesListsHowEachResolvesWithoutSecrets() throws Exception {
        RolehopProcess.Result result = rolehop.run("profiles");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout())
                .startsWith(
                        "PROFILE  REGION          RESOLVES TO\n"
                                + "default  us-east-1       access key AKIAJUMPEXAMPLE\n"
                                + "lab      eu-west-1       access key AKIAJUMPEXAMPLE -> role arn:aws:iam::222222222222:role/lab-admin (MFA)\n");
        assertThat(result.output()).doesNotContain(SECRET);
    }

    @Test
    void profilesJsonListsEveryProfile() throws Exception {
        RolehopProcess.Result result = rolehop.run("profiles", "--output", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("\"profile\": \"orphan\"").doesNotContain(SECRET);
    }

    @Test
    void execInjectsTheCredentialsAndStripsConflictingVariables() throws Exception {
        rolehop.env("AWS_PROFILE", "lab").env("AWS_SESSION_TOKEN", "stale");

        RolehopProcess.Result result = rolehop.run(
                "exec",
                "--profile",
                "default",
                "--",
                "sh",
                "-c",
                "echo \"$AWS_ACCESS_KEY_ID ${AWS_PROFILE-unset} ${AWS_SESSION_TOKEN-unset} $AWS_REGION\"");

        assertThat(result.stdout()).isEqualTo("AKIAJUMPEXAMPLE unset unset us-east-1\n");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void execPassesTheExitStatusAndStandardStreamsThrough() throws Exception {
        RolehopProcess.Result result =
                rolehop.runWithInput("from stdin\n", "exec", "--", "sh", "-c", "cat; echo oops >&2; exit 42");

        assertThat(result.exitCode()).isEqualTo(42);
        assertThat(result.stdout()).isEqualTo("from stdin\n");
        assertThat(result.stderr()).isEqualTo("oops\n");
    }

    @Test
    void execWaitsThroughAnInterruptAndExitsWithTheCommandsStatus() throws Exception {
        // The command interrupts rolehop (its parent), as Ctrl-C would, then ends on its own.
        RolehopProcess.Result result = rolehop.run("exec", "--", "sh", "-c", "kill -INT $PPID; sleep 1; exit 5");

        assertThat(result.exitCode()).isEqualTo(5);
    }

    @Test
    void execPassesSigtermOnToTheCommand() throws Exception {
        RolehopProcess.Result result = rolehop.run(
                "exec",
                "--",
                "sh",
                "-c",
                "trap 'echo got TERM; exit 9' TERM; kill -TERM $PPID; while :; do sleep 0.1; done");

        assertThat(result.stdout()).isEqualTo("got TERM\n");
        assertThat(result.exitCode()).isEqualTo(9);
    }

    @Test
    void execOfAMissingCommandExits127() throws Exception {
        RolehopProcess.Result result = rolehop.run("exec", "--", "no-such-command-xyz");

        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.stderr()).startsWith("rolehop exec: cannot run 'no-such-command-xyz': ");
    }

    @Test
    void clearWhenTheCacheIsAFileNamesThePathAndTheFix() throws Exception {
        java.nio.file.Path cache = home.resolve(".aws/cli/cache");
        java.nio.file.Files.createDirectories(cache.getParent());
        java.nio.file.Files.writeString(cache, "");

        RolehopProcess.Result result = rolehop.run("creds", "--profile", "lab", "--clear");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr())
                .isEqualTo("rolehop creds: cannot clear the cached sessions of profile 'lab': " + cache
                        + " is a file, not a directory, and rolehop and the AWS CLI keep cached sessions there;"
                        + " move the file away (mv " + cache + " " + cache + ".old)\n");
    }

    @Test
    void aConfigFileThatIsADirectoryIsNamedWithTheFix() throws Exception {
        java.nio.file.Path config = home.resolve(".aws/config");
        java.nio.file.Files.delete(config);
        java.nio.file.Files.createDirectories(config);

        RolehopProcess.Result result = rolehop.run("profiles");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr())
                .isEqualTo("rolehop profiles: cannot read " + config + ": it is a directory; move it away, or point"
                        + " AWS_CONFIG_FILE at the file\n");
    }

    @Test
    void awsAccountIdIsExplainedListedAndPassedOnWithTheCredentials() throws Exception {
        rolehop.awsFiles(CONFIG, CREDENTIALS + "aws_account_id = 111111111111\n");
        rolehop.env("AWS_ACCOUNT_ID", "999999999999");

        assertThat(rolehop.run("profiles", "--explain", "default").stdout())
                .isEqualTo("[\n  {\n    \"AccessKey\": {\n      \"access_key_id\": \"AKIAJUMPEXAMPLE\",\n"
                        + "      \"account_id\": \"111111111111\"\n    }\n  }\n]\n");
        assertThat(rolehop.run("profiles").stdout())
                .contains("default  us-east-1       access key AKIAJUMPEXAMPLE (account 111111111111)\n");
        assertThat(rolehop.run("creds", "--profile", "default", "--format", "process")
                        .stdout())
                .isEqualTo("{\"Version\": 1, \"AccessKeyId\": \"AKIAJUMPEXAMPLE\", \"SecretAccessKey\": \"" + SECRET
                        + "\", \"AccountId\": \"111111111111\"}\n");
        assertThat(rolehop.run("exec", "--profile", "default", "--", "sh", "-c", "echo $AWS_ACCOUNT_ID")
                        .stdout())
                .isEqualTo("111111111111\n");
        // Keys without an account: a stale AWS_ACCOUNT_ID does not reach the command.
        rolehop.awsFiles(CONFIG, CREDENTIALS);
        assertThat(rolehop.run("exec", "--profile", "default", "--", "sh", "-c", "echo ${AWS_ACCOUNT_ID-unset}")
                        .stdout())
                .isEqualTo("unset\n");
    }

    @Test
    void aWebIdentityProfileIsListedAndExplainedWithoutACall() throws Exception {
        rolehop.awsFiles(
                CONFIG + "[profile ci]\nrole_arn = arn:aws:iam::222222222222:role/ci\n"
                        + "web_identity_token_file = /var/run/token.jwt\n",
                CREDENTIALS);

        assertThat(rolehop.run("profiles").stdout())
                .contains("ci       -               web identity token /var/run/token.jwt -> role"
                        + " arn:aws:iam::222222222222:role/ci\n");
        assertThat(rolehop.run("profiles", "--explain", "ci").stdout())
                .isEqualTo(
                        "[\n  {\n    \"WebIdentityToken\": {\n      \"role_arn\": \"arn:aws:iam::222222222222:role/ci\",\n"
                                + "      \"web_identity_token_file\": \"/var/run/token.jwt\",\n      \"role_session_name\": null\n"
                                + "    }\n  }\n]\n");
    }
}
