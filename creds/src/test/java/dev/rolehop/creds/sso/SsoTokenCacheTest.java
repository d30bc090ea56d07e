package dev.rolehop.creds.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.creds.CredentialException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI's token cache files: names, layout both ways, modes, and what is not a token. */
class SsoTokenCacheTest {

    private static final SsoConfig CORP =
            new SsoConfig("corp", "https://corp.awsapps.com/start", "eu-west-1", List.of("sso:account:access"), "dev");
    private static final SsoConfig LEGACY =
            new SsoConfig(null, "https://corp.awsapps.com/start", "eu-west-1", List.of(), "old");

    @TempDir
    Path dir;

    @Test
    void fileNamesAreTheSha1OfTheSessionNameElseOfTheStartUrl() {
        SsoTokenCache cache = new SsoTokenCache(dir);
        // printf %s corp | sha1sum; printf %s https://corp.awsapps.com/start | sha1sum
        assertThat(cache.file(CORP).getFileName().toString())
                .isEqualTo("ee0bfd2552fbd840c02cc48b6e823320543c450f.json");
        assertThat(cache.file(LEGACY).getFileName().toString())
                .isEqualTo("a51746d4aa793ae07b25e90c3a5db96fc7832bd7.json");
    }

    @Test
    void aTokenTheAwsCliWroteIsReadAndOneWrittenIsInItsLayout() throws IOException {
        SsoTokenCache cache = new SsoTokenCache(dir.resolve("sso/cache"));
        Files.createDirectories(cache.directory());
        // As botocore's SSOTokenFetcher writes it (json.dumps, %Y-%m-%dT%H:%M:%SZ).
        Files.writeString(
                cache.file(CORP),
                "{\"startUrl\": \"https://corp.awsapps.com/start\", \"region\": \"eu-west-1\", \"accessToken\": \"aoa1\","
                        + " \"expiresAt\": \"2026-12-05T01:04:17Z\", \"clientId\": \"c\", \"clientSecret\": \"s\","
                        + " \"registrationExpiresAt\": \"2027-03-04T17:03:59Z\", \"refreshToken\": \"aor1\"}");
        SsoToken token = cache.read(CORP).orElseThrow();
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-12-05T01:04:17Z"));
        assertThat(token.refreshable(Instant.parse("2026-12-05T00:00:00Z"))).isTrue();
        assertThat(token.toString())
                .doesNotContain("aoa1")
                .doesNotContain("aor1")
                .doesNotContain("\"s\"");

        cache.write(CORP, token);
        assertThat(Files.readString(cache.file(CORP)))
                .isEqualTo("{\"startUrl\": \"https://corp.awsapps.com/start\", \"region\": \"eu-west-1\","
                        + " \"accessToken\": \"aoa1\", \"expiresAt\": \"2026-12-05T01:04:17Z\", \"clientId\": \"c\","
                        + " \"clientSecret\": \"s\", \"registrationExpiresAt\": \"2027-03-04T17:03:59Z\","
                        + " \"refreshToken\": \"aor1\"}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.file(CORP))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.directory())))
                .isEqualTo("rwx------");
    }

    @Test
    void aRegistrationFileIsNotATokenAndACorruptTokenIsNamed() throws IOException {
        SsoTokenCache cache = new SsoTokenCache(dir);
        // The AWS CLI's cached client registration: no accessToken.
        Files.writeString(
                dir.resolve("registration.json"),
                "{\"clientId\": \"c\", \"clientSecret\": \"s\"," + " \"expiresAt\": \"2027-03-04T17:03:59Z\"}");
        Files.writeString(cache.file(CORP), "{\"accessToken\": \"aoa-secret\"}");
        assertThat(cache.all()).isEmpty();
        SsoTokens tokens = new SsoTokens(
                cache, new SsoClients(Optional.empty(), Optional.empty()), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        assertThatThrownBy(() -> tokens.valid(CORP))
                .isInstanceOf(CredentialException.class)
                .hasMessage("profile 'dev': " + cache.file(CORP) + " is not an IAM Identity Center token (no expiresAt"
                        + " timestamp); run rolehop sso login --profile dev")
                .hasMessageNotContaining("aoa-secret");
    }
}
