package dev.rolehop.creds.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCacheTest {

    private static final Instant EXPIRY = Instant.parse("2026-11-24T08:00:00Z");

    @TempDir
    Path home;

    private final List<String> warnings = new ArrayList<>();

    private CredentialCache cache() {
        return new CredentialCache(home.resolve(".aws/cli/cache"), warnings::add);
    }

    private static AssumedRole role() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-requestid", "req-1");
        headers.put("content-type", "text/xml");
        return new AssumedRole(
                "ASIAEXAMPLE",
                "secret/key",
                "token",
                EXPIRY,
                "AROAEXAMPLE:s",
                "arn:aws:sts::222222222222:assumed-role/lab-admin/s",
                "req-1",
                headers);
    }

    @Test
    void entriesAreWrittenInTheAwsCliLayout() throws IOException {
        cache().write("abc", role());

        assertThat(Files.readString(home.resolve(".aws/cli/cache/abc.json")))
                .isEqualTo("{\"Credentials\": {\"AccessKeyId\": \"ASIAEXAMPLE\", \"SecretAccessKey\": \"secret/key\","
                        + " \"SessionToken\": \"token\", \"Expiration\": \"2026-11-24T08:00:00+00:00\","
                        + " \"AccountId\": \"222222222222\"},"
                        + " \"AssumedRoleUser\": {\"AssumedRoleId\": \"AROAEXAMPLE:s\","
                        + " \"Arn\": \"arn:aws:sts::222222222222:assumed-role/lab-admin/s\"},"
                        + " \"ResponseMetadata\": {\"RequestId\": \"req-1\", \"HTTPStatusCode\": 200,"
                        + " \"HTTPHeaders\": {\"x-amzn-requestid\": \"req-1\", \"content-type\": \"text/xml\"},"
                        + " \"RetryAttempts\": 0}}");
    }

    @Test
    void entriesAre0600InA0700Directory() throws IOException {
        cache().write("abc", role());

        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(home.resolve(".aws/cli/cache/abc.json"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".aws/cli/cache"))))
                .isEqualTo("rwx------");
    }

    @Test
    void anExistingLooserDirectoryIsTightened() throws IOException {
        Files.createDirectories(
                home.resolve(".aws/cli/cache"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        cache().write("abc", role());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".aws/cli/cache"))))
                .isEqualTo("rwx------");
    }

    @Test
    void writingLeavesNoTemporaryFiles() throws IOException {
        cache().write("abc", role());
        cache().write("abc", role());

        try (var files = Files.list(home.resolve(".aws/cli/cache"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("abc.json");
        }
    }

    @Test
    void whatIsWrittenReadsBack() throws IOException {
        cache().write("abc", role());

        AssumedRole read = cache().read("abc").orElseThrow();
        assertThat(read.accessKeyId()).isEqualTo("ASIAEXAMPLE");
        assertThat(read.secretAccessKey()).isEqualTo("secret/key");
        assertThat(read.sessionToken()).isEqualTo("token");
        assertThat(read.expiration()).isEqualTo(EXPIRY);
        assertThat(read.assumedRoleArn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/lab-admin/s");
    }

    @Test
    void anEntryWrittenByTheAwsCliIsRead() throws IOException {
        Path dir = Files.createDirectories(home.resolve(".aws/cli/cache"));
        // As the AWS CLI 2.9 writes it: botocore's JSONFileCache of the parsed AssumeRole response.
        Files.writeString(
                dir.resolve("51fda109626bb275e34b3fddfcec8dacc4adad9b.json"),
                "{\"Credentials\": {\"AccessKeyId\": \"ASIACLI\", \"SecretAccessKey\": \"s\", \"SessionToken\": \"t\","
                        + " \"Expiration\": \"2026-11-24T08:00:00+00:00\"}, \"AssumedRoleUser\": {\"AssumedRoleId\":"
                        + " \"AROA:botocore-session-1\", \"Arn\": \"arn:aws:sts::222222222222:assumed-role/lab-admin/botocore-session-1\"},"
                        + " \"ResponseMetadata\": {\"RequestId\": \"r\", \"HTTPStatusCode\": 200, \"HTTPHeaders\": {}, \"RetryAttempts\": 0}}");

        AssumedRole read =
                cache().read("51fda109626bb275e34b3fddfcec8dacc4adad9b").orElseThrow();
        assertThat(read.accessKeyId()).isEqualTo("ASIACLI");
        assertThat(read.expiration()).isEqualTo(EXPIRY);
        assertThat(read.accountId()).isEqualTo("222222222222");
    }

    @Test
    void aCorruptEntryIsIgnoredWithAWarning() throws IOException {
        Path dir = Files.createDirectories(home.resolve(".aws/cli/cache"));
        Files.writeString(dir.resolve("abc.json"), "{\"Credentials\": ");

        assertThat(cache().read("abc")).isEmpty();
        assertThat(warnings)
                .containsExactly("ignoring corrupt cache entry " + dir.resolve("abc.json")
                        + " (Expecting value: line 1 column 17 (char 16))");
    }

    @Test
    void anEntryWithoutCredentialsIsIgnoredWithAWarning() throws IOException {
        Path dir = Files.createDirectories(home.resolve(".aws/cli/cache"));
        Files.writeString(dir.resolve("abc.json"), "{\"Credentials\": {\"AccessKeyId\": \"A\"}}");

        assertThat(cache().read("abc")).isEmpty();
        assertThat(warnings)
                .containsExactly("ignoring corrupt cache entry " + dir.resolve("abc.json")
                        + " (Credentials.SecretAccessKey is missing)");
    }

    @Test
    void aMissingEntryIsEmptyWithoutWarning() {
        assertThat(cache().read("abc")).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    @SuppressWarnings("try")
    void theLockCanBeTakenAgainAfterRelease() throws IOException {
        try (CredentialCache.Lock lock = cache().lock("abc")) {
            assertThat(home.resolve(".aws/cli/cache/abc.lock")).exists();
        }
        try (CredentialCache.Lock again = cache().lock("abc")) {
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(home.resolve(".aws/cli/cache/abc.lock"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void deleteRemovesTheEntry() throws IOException {
        cache().write("abc", role());

        assertThat(cache().delete("abc")).isTrue();
        assertThat(cache().delete("abc")).isFalse();
        assertThat(cache().read("abc")).isEmpty();
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsExplainedWithTheFixAndNeverChmodded() throws IOException {
        Path file = home.resolve(".aws/cli/cache");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a directory");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        CredentialCache cache = cache();

        assertThat(cache.read("abc")).isEmpty();
        assertThatThrownBy(() -> cache.lock("abc")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> cache.write("abc", role())).isInstanceOf(IOException.class);
        IOException deleting = catchThrowableOfType(IOException.class, () -> cache.delete("abc"));

        String problem = file + " is a file, not a directory, and rolehop and the AWS CLI keep cached sessions"
                + " there; move the file away (mv " + file + " " + file + ".old)";
        assertThat(cache.explain("abc", deleting)).isEqualTo(problem);
        assertThat(warnings)
                .containsExactly("the session cache cannot be used: " + problem + "; sessions are not cached");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }

    @Test
    void aFileHigherUpIsNamed() throws IOException {
        Files.writeString(home.resolve(".aws"), "");

        assertThat(cache().directoryProblem())
                .contains(home.resolve(".aws") + " is a file, not a directory, and rolehop and the AWS CLI keep"
                        + " cached sessions there; move the file away (mv " + home.resolve(".aws") + " "
                        + home.resolve(".aws") + ".old)");
    }

    @Test
    void anEntryThatCannotBeWrittenIsWarnedAboutOnceInWords() {
        CredentialCache cache = cache();
        IOException denied =
                new java.nio.file.AccessDeniedException(cache.file("abc").toString());

        cache.warnUnusable("abc", "written", denied);
        cache.warnUnusable("abc", "written", denied);

        assertThat(warnings)
                .containsExactly("cache entry " + cache.file("abc")
                        + " could not be written (permission denied); the session is not shared");
    }

    @Test
    void fileProblemsAreWords() {
        assertThat(FileProblems.describe(new java.nio.file.AccessDeniedException("/x")))
                .isEqualTo("permission denied");
        assertThat(FileProblems.describe(new java.nio.file.FileSystemException("/x", null, "Not a directory")))
                .isEqualTo("not a directory");
        assertThat(FileProblems.describe(new java.nio.file.NoSuchFileException("/x")))
                .isEqualTo("no such file or directory");
    }
}
