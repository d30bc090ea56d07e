package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * EC2 key pairs over real HTTP: real keys, EC2's fingerprints checked against OpenSSL and
 * ssh-keygen run on the answered material, errors, tags and a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyPairsTest {

    private final Path stateDir = temp();
    private final LocalFixture f = new LocalFixture(stateDir.resolve("state.json"));
    private final Ec2Client lab = f.ec2(LocalFixture.session(f.assumeLab()));

    @AfterAll
    void stop() {
        lab.close();
        f.close();
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("rolehop-keys");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs a command with input on stdin and returns its stdout (trimmed). */
    private static String run(String input, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
        return out;
    }

    private Path privateKeyFile(String material) throws IOException {
        Path file = Files.createTempFile(stateDir, "key", ".pem");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(file, material + "\n");
        return file;
    }

    @Test
    void aCreatedRsaKeyIsARealKeyWhoseFingerprintIsTheSha1OfItsPkcs8Der() throws Exception {
        CreateKeyPairResponse created = lab.createKeyPair(r -> r.keyName("rsa-created"));
        assertThat(created.keyMaterial()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(created.keyPairId()).matches("key-[0-9a-f]{17}");
        // AWS's documented check: openssl pkcs8 -topk8 -nocrypt -outform DER | openssl sha1 -c
        Path der = stateDir.resolve("rsa.der");
        run(
                "",
                "openssl",
                "pkcs8",
                "-in",
                privateKeyFile(created.keyMaterial()).toString(),
                "-inform",
                "PEM",
                "-outform",
                "DER",
                "-topk8",
                "-nocrypt",
                "-out",
                der.toString());
        String sha1 = run("", "openssl", "sha1", "-c", der.toString());
        assertThat(sha1).endsWith("= " + created.keyFingerprint());
        KeyPairInfo info = lab.describeKeyPairs(r -> r.keyNames("rsa-created").includePublicKey(true))
                .keyPairs()
                .get(0);
        assertThat(info.keyFingerprint()).isEqualTo(created.keyFingerprint());
        assertThat(info.keyTypeAsString()).isEqualTo("rsa");
        String publicKey = run(
                "",
                "ssh-keygen",
                "-y",
                "-f",
                privateKeyFile(created.keyMaterial()).toString());
        assertThat(info.publicKey()).isEqualTo(publicKey + " rsa-created");
    }

    @Test
    void aCreatedEd25519KeyIsAnOpenSshKeyFingerprintedAsSsh() throws Exception {
        CreateKeyPairResponse created =
                lab.createKeyPair(r -> r.keyName("ed-created").keyType("ed25519"));
        assertThat(created.keyMaterial()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        String line = run(
                "",
                "ssh-keygen",
                "-l",
                "-E",
                "sha256",
                "-f",
                privateKeyFile(created.keyMaterial()).toString());
        // "256 SHA256:base64-without-padding comment (ED25519)"; EC2 pads with '='.
        String sha = line.split(" ")[1].substring("SHA256:".length());
        assertThat(created.keyFingerprint()).isEqualTo(sha + "=");
    }

    @Test
    void aPpkKeyIsPuttyFormatVersion2() {
        CreateKeyPairResponse created = lab.createKeyPair(r -> r.keyName("ppk").keyFormat("ppk"));
        assertThat(created.keyMaterial())
                .startsWith("PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: ppk\nPublic-Lines: ")
                .contains("\nPrivate-MAC: ");
    }

    @Test
    void anImportedRsaKeyIsFingerprintedAsTheMd5OfItsDerPublicKey() throws Exception {
        Path key = stateDir.resolve("imported");
        run(
                "",
                "ssh-keygen",
                "-q",
                "-m",
                "PEM",
                "-t",
                "rsa",
                "-b",
                "2048",
                "-N",
                "",
                "-C",
                "me@host",
                "-f",
                key.toString());
        String pub = Files.readString(stateDir.resolve("imported.pub"));
        String fingerprint = lab.importKeyPair(r -> r.keyName("imported")
                        .publicKeyMaterial(SdkBytes.fromUtf8String(pub))
                        .tagSpecifications(TagSpecification.builder()
                                .resourceType(ResourceType.KEY_PAIR)
                                .tags(Tag.builder().key("team").value("ops").build())
                                .build()))
                .keyFingerprint();
        Path der = stateDir.resolve("imported.der");
        run("", "openssl", "pkey", "-in", key.toString(), "-pubout", "-outform", "DER", "-out", der.toString());
        assertThat(run("", "openssl", "md5", "-c", der.toString())).endsWith("= " + fingerprint);
        KeyPairInfo info = lab.describeKeyPairs(r -> r.filters(
                        Filter.builder().name("tag:team").values("ops").build()))
                .keyPairs()
                .get(0);
        assertThat(info.keyName()).isEqualTo("imported");
        assertThat(info.publicKey()).isNull();
    }

    @Test
    void anImportedEd25519KeyInRfc4716FormatGetsTheSameFingerprintAsOpenSsh() throws Exception {
        Path key = stateDir.resolve("ed");
        run("", "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        String rfc4716 =
                run("", "ssh-keygen", "-e", "-f", stateDir.resolve("ed.pub").toString());
        String fingerprint = lab.importKeyPair(
                        r -> r.keyName("ed-imported").publicKeyMaterial(SdkBytes.fromUtf8String(rfc4716)))
                .keyFingerprint();
        String line = run(
                "",
                "ssh-keygen",
                "-l",
                "-E",
                "sha256",
                "-f",
                stateDir.resolve("ed.pub").toString());
        assertThat(fingerprint).isEqualTo(line.split(" ")[1].substring("SHA256:".length()) + "=");
    }

    @Test
    void materialThatIsNoPublicKeyIsRefusedAsEc2Does() {
        AwsServiceException e = LocalFixture.awsError(() -> lab.importKeyPair(
                r -> r.keyName("bad").publicKeyMaterial(SdkBytes.fromUtf8String("ssh-rsa not-base64!"))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidKey.Format");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Key is not in valid OpenSSH public key format");
        assertThat(lab.describeKeyPairs(r -> r.filters(
                                Filter.builder().name("key-name").values("bad").build()))
                        .keyPairs())
                .isEmpty();
    }

    @Test
    void aDuplicateNameIsRefusedAndAMissingKeyIsNotFound() {
        lab.createKeyPair(r -> r.keyName("twice"));
        AwsServiceException dup = LocalFixture.awsError(() -> lab.createKeyPair(r -> r.keyName("twice")));
        assertThat(dup.awsErrorDetails().errorCode()).isEqualTo("InvalidKeyPair.Duplicate");
        assertThat(dup.awsErrorDetails().errorMessage()).isEqualTo("The keypair 'twice' already exists.");
        AwsServiceException missing = LocalFixture.awsError(() -> lab.describeKeyPairs(r -> r.keyNames("nope")));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("InvalidKeyPair.NotFound");
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("The key pair 'nope' does not exist");
    }

    @Test
    void deletingIsIdempotentAsOnEc2() {
        String id = lab.createKeyPair(r -> r.keyName("gone")).keyPairId();
        assertThat(lab.deleteKeyPair(r -> r.keyName("gone")).keyPairId()).isEqualTo(id);
        assertThat(lab.deleteKeyPair(r -> r.keyName("gone")).returnValue()).isTrue();
        assertThat(LocalFixture.awsError(() -> lab.describeKeyPairs(r -> r.keyPairIds(id)))
                        .awsErrorDetails()
                        .errorCode())
                .isEqualTo("InvalidKeyPair.NotFound");
    }

    @Test
    void aDryRunIsAnsweredDryRunOperationAndCreatesNothing() {
        AwsServiceException e = LocalFixture.awsError(
                () -> lab.createKeyPair(r -> r.keyName("dry").dryRun(true)));
        assertThat(e.statusCode()).isEqualTo(412);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation");
        assertThat(LocalFixture.awsError(() -> lab.describeKeyPairs(r -> r.keyNames("dry")))
                        .awsErrorDetails()
                        .errorCode())
                .isEqualTo("InvalidKeyPair.NotFound");
    }

    @Test
    void thePrivateKeyIsNeitherStoredNorLogged() throws Exception {
        CreateKeyPairResponse created = lab.createKeyPair(r -> r.keyName("secret"));
        String body = created.keyMaterial().lines().skip(1).findFirst().orElseThrow();
        for (Path file : List.of(stateDir.resolve("state.json"), stateDir.resolve("state.json.journal"))) {
            if (Files.exists(file)) {
                assertThat(Files.readString(file)).doesNotContain(body);
            }
        }
        assertThat(String.join("\n", f.log)).doesNotContain(body);
    }

    @Test
    void keyPairsSurviveARestart() {
        Path state = stateDir.resolve("restart.json");
        LocalFixture first = new LocalFixture(state);
        String fingerprint;
        try (Ec2Client jump = first.ec2(first.alice())) {
            fingerprint = jump.createKeyPair(r -> r.keyName("durable")).keyFingerprint();
        }
        try (LocalFixture again = first.restart(state);
                Ec2Client jump = again.ec2(again.alice())) {
            assertThat(jump.describeKeyPairs(r -> r.keyNames("durable"))
                            .keyPairs()
                            .get(0)
                            .keyFingerprint())
                    .isEqualTo(fingerprint);
        }
    }
}
