package dev.rolehop.creds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the resolver decides without calling AWS: precedence, profile choice, region. */
class CredentialResolverTest {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(
                home.resolve(".aws/config"), "[default]\nregion = eu-west-1\n[profile other]\nregion = us-west-2\n");
        Files.writeString(
                home.resolve(".aws/credentials"),
                "[default]\naws_access_key_id = AKIADEFAULT\n"
                        + "aws_secret_access_key = d\n[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = o\n");
    }

    private CredentialResolver resolver() {
        return CredentialResolver.create(new ResolverOptions(
                env,
                home,
                Optional.empty(),
                MfaPrompt.none(),
                true,
                Clock.fixed(Instant.parse("2026-11-24T07:00:00Z"), ZoneOffset.UTC),
                warning -> {}));
    }

    @Test
    void theDefaultProfileIsUsedWhenNothingElseIsSet() {
        assertThat(resolver().resolve(null))
                .isEqualTo(new AwsCredentials("AKIADEFAULT", "d", null, null, "profile default: static keys"));
    }

    @Test
    void awsProfileChoosesTheProfile() {
        env.put("AWS_PROFILE", "other");
        env.put("AWS_DEFAULT_PROFILE", "default");
        assertThat(resolver().resolve(null).accessKeyId()).isEqualTo("AKIAOTHER");
    }

    @Test
    void environmentKeysWinWhenNoProfileIsNamed() {
        env.put("AWS_PROFILE", "other");
        env.put("AWS_ACCESS_KEY_ID", "AKIAENV");
        env.put("AWS_SECRET_ACCESS_KEY", "e");
        env.put("AWS_SESSION_TOKEN", "t");
        assertThat(resolver().resolve(null))
                .isEqualTo(new AwsCredentials("AKIAENV", "e", "t", null, "environment variables"));
    }

    @Test
    void aNamedProfileWinsOverEnvironmentKeys() {
        env.put("AWS_ACCESS_KEY_ID", "AKIAENV");
        env.put("AWS_SECRET_ACCESS_KEY", "e");
        assertThat(resolver().resolve("other").accessKeyId()).isEqualTo("AKIAOTHER");
    }

    @Test
    void explicitCredentialsWinOverEverything() {
        env.put("AWS_ACCESS_KEY_ID", "AKIAENV");
        env.put("AWS_SECRET_ACCESS_KEY", "e");
        AwsCredentials explicit = new AwsCredentials("AKIAEXPLICIT", "x", null, null, "module arguments");
        CredentialResolver resolver = CredentialResolver.create(new ResolverOptions(
                        env, home, Optional.empty(), MfaPrompt.none(), true, Clock.systemUTC(), warning -> {})
                .withExplicitCredentials(explicit));

        assertThat(resolver.resolve("other")).isSameAs(explicit);
    }

    @Test
    void halfAnEnvironmentKeyPairIsAnError() {
        env.put("AWS_ACCESS_KEY_ID", "AKIAENV");
        assertThatThrownBy(() -> resolver().resolve(null))
                .hasMessage(
                        "environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both or neither");
    }

    @Test
    void regionComesFromAwsRegionThenAwsDefaultRegionThenTheProfile() {
        assertThat(resolver().region("other")).contains("us-west-2");
        env.put("AWS_DEFAULT_REGION", "ap-south-1");
        assertThat(resolver().region("other")).contains("ap-south-1");
        env.put("AWS_REGION", "sa-east-1");
        assertThat(resolver().region("other")).contains("sa-east-1");
    }

    @Test
    void awsConfigFileMovesTheConfigFile() throws IOException {
        Files.writeString(home.resolve("alt-config"), "[profile alt]\nregion = ca-central-1\n");
        env.put("AWS_CONFIG_FILE", "~/alt-config");
        assertThat(resolver().region("alt")).contains("ca-central-1");
        assertThat(resolver().profileNames()).containsExactly("alt", "default", "other");
    }

    @Test
    void withNothingConfiguredTheErrorSaysWhereCredentialsCanComeFrom() throws IOException {
        Files.delete(home.resolve(".aws/config"));
        Files.delete(home.resolve(".aws/credentials"));

        assertThatThrownBy(() -> resolver().resolve(null))
                .hasMessage("no credentials found: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set, no profile"
                        + " is named (--profile, AWS_PROFILE) and there is no [default] profile in "
                        + home.resolve(".aws/config") + " or " + home.resolve(".aws/credentials")
                        + "; set one of them");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(resolver().resolve("other").toString())
                .isEqualTo("AwsCredentials[accessKeyId=AKIAOTHER, secretAccessKey=<redacted>, sessionToken=<none>,"
                        + " expiration=null, source=profile other: static keys]");
    }

    @Test
    void theAccountIdComesFromAwsAccountIdOrTheEnvironment() throws IOException {
        Files.writeString(
                home.resolve(".aws/credentials"),
                "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = d\naws_account_id = 111122223333\n");
        assertThat(resolver().resolve(null).accountId()).isEqualTo("111122223333");

        env.put("AWS_ACCESS_KEY_ID", "AKIAENV");
        env.put("AWS_SECRET_ACCESS_KEY", "e");
        env.put("AWS_ACCOUNT_ID", "444455556666");
        assertThat(resolver().resolve(null).accountId()).isEqualTo("444455556666");
    }
}
