package dev.rolehop.creds.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.support.Scripts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCredentialsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T07:00:00Z");
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "GREETING", "from-env");

    @TempDir
    Path dir;

    @Test
    void aVersion1DocumentIsRead() throws IOException {
        Path script = Scripts.write(
                dir,
                "creds",
                "echo '{\"Version\": 1, \"AccessKeyId\": \"AKIAPROC\","
                        + " \"SecretAccessKey\": \"s\", \"SessionToken\": \"t\", \"Expiration\": \"2026-11-24T08:00:00Z\"}'");

        AwsCredentials credentials =
                ProcessCredentials.fetch(new CredentialSource.Process("p", script.toString()), ENV, NOW);

        assertThat(credentials)
                .isEqualTo(new AwsCredentials(
                        "AKIAPROC",
                        "s",
                        "t",
                        Instant.parse("2026-11-24T08:00:00Z"),
                        "credential_process of profile p"));
    }

    @Test
    void argumentsArePassedWithoutAShellAndTheEnvironmentIsTheResolvers() throws IOException {
        Path script = Scripts.write(
                dir,
                "creds",
                "printf '{\"Version\": 1, \"AccessKeyId\": \"%s\", \"SecretAccessKey\": \"%s\"}' \"$1\" \"$GREETING\"");

        AwsCredentials credentials =
                ProcessCredentials.fetch(new CredentialSource.Process("p", script + " 'a $HOME b'"), ENV, NOW);

        assertThat(credentials.accessKeyId()).isEqualTo("a $HOME b");
        assertThat(credentials.secretAccessKey()).isEqualTo("from-env");
        assertThat(credentials.expiration()).isNull();
    }

    @Test
    void expiredCredentialsAreRefused() throws IOException {
        Path script = Scripts.write(
                dir,
                "creds",
                "echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"s\","
                        + " \"Expiration\": \"2026-11-24T06:59:59Z\"}'");

        assertThatThrownBy(
                        () -> ProcessCredentials.fetch(new CredentialSource.Process("p", script.toString()), ENV, NOW))
                .hasMessage(
                        "profile 'p': credential_process returned credentials that expired at 2026-11-24T06:59:59Z");
    }

    @Test
    void anotherVersionIsRefused() throws IOException {
        Path script = Scripts.write(
                dir, "creds", "echo '{\"Version\": 2, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"s\"}'");

        assertThatThrownBy(
                        () -> ProcessCredentials.fetch(new CredentialSource.Process("p", script.toString()), ENV, NOW))
                .hasMessage("profile 'p': credential_process printed Version 2; only Version 1 is supported");
    }

    @Test
    void aFailingCommandReportsItsStatusAndStderr() throws IOException {
        Path script = Scripts.write(dir, "creds", "echo 'token expired, run login' >&2; exit 3");

        assertThatThrownBy(
                        () -> ProcessCredentials.fetch(new CredentialSource.Process("p", script.toString()), ENV, NOW))
                .hasMessage("profile 'p': credential_process exited with status 3: token expired, run login");
    }

    @Test
    void aMissingCommandSaysSo() {
        assertThatThrownBy(() -> ProcessCredentials.fetch(
                        new CredentialSource.Process("p", dir.resolve("nope").toString()), ENV, NOW))
                .hasMessageStartingWith(
                        "profile 'p': credential_process '" + dir.resolve("nope") + "' cannot be started (");
    }

    @Test
    void nonJsonOutputIsRefusedWithoutEchoingIt() throws IOException {
        Path script = Scripts.write(dir, "creds", "echo 'AKIA secret-value'");

        assertThatThrownBy(
                        () -> ProcessCredentials.fetch(new CredentialSource.Process("p", script.toString()), ENV, NOW))
                .hasMessage("profile 'p': credential_process did not print a JSON object; it must print"
                        + " {\"Version\": 1, \"AccessKeyId\": ..., \"SecretAccessKey\": ...}");
    }

    @Test
    void accountIdComesFromTheOutputElseFromTheProfile() throws IOException {
        Path with = Scripts.write(
                dir,
                "with",
                "echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"s\", \"AccountId\": \"123456789012\"}'");
        Path without = Scripts.write(
                dir, "without", "echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"s\"}'");

        assertThat(ProcessCredentials.fetch(
                                new CredentialSource.Process("p", with.toString(), "999999999999"), ENV, NOW)
                        .accountId())
                .isEqualTo("123456789012");
        assertThat(ProcessCredentials.fetch(
                                new CredentialSource.Process("p", without.toString(), "999999999999"), ENV, NOW)
                        .accountId())
                .isEqualTo("999999999999");
        assertThat(ProcessCredentials.fetch(new CredentialSource.Process("p", without.toString()), ENV, NOW)
                        .accountId())
                .isNull();
    }
}
