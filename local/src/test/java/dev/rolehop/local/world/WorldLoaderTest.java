package dev.rolehop.local.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorldLoaderTest {

    private static final String MINIMAL = """
            accounts:
              - id: "111111111111"
                users:
                  - name: alice
                    access_keys:
                      - id: AKIAEXAMPLEALICE0001
                        secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
            """;

    private static World parse(String yaml) {
        return WorldLoader.parse(yaml, "world.yml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs/local.md", "README.md"})
    void theExampleInTheDocumentationLoads(String file) throws IOException {
        String doc = Files.readString(Path.of("..").resolve(file));
        Matcher m =
                Pattern.compile("(?s)## The world file.*?```yaml\\n(.*?)```").matcher(doc);
        assertThat(m.find()).isTrue();
        World world = parse(m.group(1));
        assertThat(world.accounts()).extracting(Account::alias).containsExactly("jump", "lab");
        assertThat(world.roleByArn("arn:aws:iam::222222222222:role/lab-admin")).isPresent();
        assertThat(world.mfaDevice("arn:aws:iam::111111111111:mfa/alice")).isPresent();
        assertThat(world.account("222222222222").orElseThrow().instances()).hasSize(1);
    }

    @Test
    void imagesTakeTheirDefaultsAndAmazonsOwnerId() {
        World world = parse(MINIMAL + """
                images:
                  - {id: ami-0a3c3a20c09d6f377, name: al2023-x86_64, owner: amazon}
                  - {id: ami-0111111111111111a, name: mine, owner: "111111111111", architecture: arm64}
                ec2: {instance_transition_seconds: 5}
                """);
        SeedImage amazon = world.images().get(0);
        assertThat(amazon.ownerId()).isEqualTo(SeedImage.AMAZON_OWNER_ID);
        assertThat(amazon.ownerAlias()).isEqualTo("amazon");
        assertThat(amazon.isPublic()).isTrue();
        assertThat(amazon.regions()).containsExactly("us-east-1");
        assertThat(world.images().get(1).isPublic()).isFalse();
        assertThat(world.images().get(1).architecture()).isEqualTo("arm64");
        assertThat(world.instanceTiming()).isEqualTo(new InstanceTiming(5, 3600));
    }

    @Test
    void anImageWithABadOwnerOrAnUnknownRegionIsRejectedWithItsLine() {
        assertThatThrownBy(() -> parse(MINIMAL + """
                        images:
                          - {id: ami-0a3c3a20c09d6f377, name: al2023, owner: canonical}
                        """))
                .hasMessage(
                        "world.yml:9:54: 'owner' value 'canonical' is not valid: 'amazon' or a 12-digit account id (quote it)");
        assertThatThrownBy(() -> parse(MINIMAL + """
                        images:
                          - {id: ami-0a3c3a20c09d6f377, name: al2023, owner: amazon, regions: [eu-west-1]}
                        """))
                .hasMessageStartingWith("world.yml:9:")
                .hasMessageContaining("region 'eu-west-1' is not a region of any account [us-east-1]");
    }

    @Test
    void aMinimalWorldHasUsEast1AsItsOnlyRegion() {
        assertThat(parse(MINIMAL).accounts().get(0).regions()).containsExactly("us-east-1");
    }

    @Test
    void theUserOfAnAccessKeyIsFound() {
        assertThat(parse(MINIMAL)
                        .userByAccessKey("AKIAEXAMPLEALICE0001")
                        .orElseThrow()
                        .arn())
                .isEqualTo("arn:aws:iam::111111111111:user/alice");
    }

    @Test
    void anUnknownKeyIsRejectedWithItsLineAndTheValidKeys() {
        assertThatThrownBy(() -> parse(MINIMAL.replace("access_keys:", "acess_keys:")))
                .isInstanceOf(WorldException.class)
                .hasMessage("world.yml:5:9: 'acess_keys' is not a valid key for a user "
                        + "(valid: access_keys, mfa_devices, name, policies)");
    }

    @Test
    void anUnquotedAccountIdThatIsNotTwelveDigitsIsRejected() {
        assertThatThrownBy(() -> parse(MINIMAL.replace("\"111111111111\"", "1111")))
                .hasMessage("world.yml:2:9: 'id' value '1111' is not valid: an account id is 12 digits; "
                        + "quote it (\"111111111111\")");
    }

    @Test
    void aDuplicateAccessKeyIsRejected() {
        String twice = MINIMAL + """
                  - name: bob
                    access_keys:
                      - id: AKIAEXAMPLEALICE0001
                        secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
            """;
        assertThatThrownBy(() -> parse(twice))
                .hasMessage("world.yml:10:17: access key AKIAEXAMPLEALICE0001 is defined twice");
    }

    @Test
    void anMfaSerialInAnotherAccountIsRejected() {
        String yaml = MINIMAL + """
                    mfa_devices:
                      - serial: arn:aws:iam::999999999999:mfa/alice
                        seed: JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
            """;
        assertThatThrownBy(() -> parse(yaml))
                .hasMessageStartingWith(
                        "world.yml:9:21: 'serial' value "
                                + "'arn:aws:iam::999999999999:mfa/alice' is not valid: a virtual MFA serial is arn:aws:iam::111111111111:mfa/NAME");
    }

    @Test
    void aSeedThatIsNotBase32IsRejected() {
        String yaml = MINIMAL + """
                    mfa_devices:
                      - serial: arn:aws:iam::111111111111:mfa/alice
                        seed: not-base32-at-all-1
            """;
        assertThatThrownBy(() -> parse(yaml))
                .hasMessage("world.yml:10:19: 'seed' is not valid: a seed is at least "
                        + "16 base32 characters (A-Z, 2-7)");
    }

    @Test
    void anUnsupportedConditionOperatorIsRejectedWithThePolicyLine() {
        String yaml = MINIMAL + """
                    policies:
                      - name: p
                        document:
                          Statement:
                            - Effect: Allow
                              Action: "*"
                              Resource: "*"
                              Condition: {ForAnyValue:StringEquals: {aws:TagKeys: [a]}}
            """;
        assertThatThrownBy(() -> parse(yaml))
                .hasMessageStartingWith("world.yml:11:15: policy document: Statement 1: "
                        + "condition operator 'ForAnyValue:StringEquals' is not supported by rolehop local");
    }

    @Test
    void aBadSecretIsRejectedWithoutRepeatingIt() {
        assertThatThrownBy(() -> parse(MINIMAL.replace("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "short secret")))
                .hasMessage(
                        "world.yml:7:21: 'secret' is not valid: a secret access key is 16-128 characters without spaces");
    }

    @Test
    void aRoleWithoutATrustPolicyIsRejected() {
        String yaml = MINIMAL + """
                roles:
                  - name: r
            """;
        assertThatThrownBy(() -> parse(yaml))
                .hasMessage("world.yml:9:9: missing required key 'trust_policy' " + "(who may assume the role)");
    }

    @Test
    void aMaxSessionDurationAboveTwelveHoursIsRejected() {
        String yaml = MINIMAL + """
                roles:
                  - name: r
                    max_session_duration: 50000
                    trust_policy: {Statement: {Effect: Allow, Principal: "*", Action: "sts:AssumeRole"}}
            """;
        assertThatThrownBy(() -> parse(yaml))
                .hasMessage("world.yml:10:31: 'max_session_duration' must be a whole "
                        + "number from 3600 to 43200, not '50000'");
    }

    @Test
    void invalidYamlIsReportedWithItsPosition() {
        assertThatThrownBy(() -> parse("accounts: [\n"))
                .isInstanceOf(WorldException.class)
                .hasMessageStartingWith("world.yml:2:1: not valid YAML: ");
    }

    @Test
    void aMissingFileSaysHowToCreateOne() {
        assertThatThrownBy(() -> WorldLoader.load(Path.of("/nonexistent/world.yml")))
                .hasMessage("/nonexistent/world.yml: no such world file (create one with 'rolehop local init DIR')");
    }

    @Test
    void aPolicyMayBeGivenAsJsonText() {
        String yaml = MINIMAL + """
                    policies:
                      - name: p
                        document: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"ec2:Describe*","Resource":"*"}]}'
            """;
        assertThat(parse(yaml)
                        .accounts()
                        .get(0)
                        .users()
                        .get(0)
                        .policies()
                        .get(0)
                        .document()
                        .statements()
                        .get(0)
                        .notActions())
                .containsExactly("ec2:Describe*");
    }

    private static String withProvider(String provider) {
        return """
                accounts:
                  - id: "222222222222"
                    oidc_providers:
                """ + provider.indent(6);
    }

    @Test
    void anOidcProviderReadsItsKeysFromAFileBesideTheWorld(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("keys.json"), dev.rolehop.local.oidc.SigningKeys.newPrivateJwkSet());
        String yaml = withProvider("- url: https://ci.example.test/org\n  client_ids: [sts.amazonaws.com]\n"
                + "  thumbprints: [\"6938fd4d98bab03faadb97b34396831e3780aea1\"]\n  keys_file: keys.json\n");

        World world = WorldLoader.parse(yaml, dir.resolve("world.yml").toString());

        OidcProvider p = world.oidcProvider("222222222222", "https://ci.example.test/org")
                .orElseThrow();
        assertThat(p.arn()).isEqualTo("arn:aws:iam::222222222222:oidc-provider/ci.example.test/org");
        assertThat(p.keys().getKeys()).hasSize(1);
        assertThat(p.toString()).doesNotContain("\"d\"");
    }

    @Test
    void anOidcProviderUrlMustBeHttps(@TempDir Path dir) {
        String yaml = withProvider("- url: http://ci.example.test\n  client_ids: [a]\n  keys_file: k.json\n");

        assertThatThrownBy(
                        () -> WorldLoader.parse(yaml, dir.resolve("world.yml").toString()))
                .hasMessageContaining(
                        ":4:14: 'url' value 'http://ci.example.test' is not valid: an issuer URL is" + " https://");
    }

    @Test
    void aMissingKeysFileIsNamed(@TempDir Path dir) {
        String yaml = withProvider("- url: https://ci.example.test\n  client_ids: [a]\n  keys_file: k.json\n");

        assertThatThrownBy(
                        () -> WorldLoader.parse(yaml, dir.resolve("world.yml").toString()))
                .hasMessageContaining("keys_file " + dir.resolve("k.json") + " does not exist");
    }

    @Test
    void aKeysFileThatIsNotAJwkSetIsRefusedWithoutQuotingIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("k.json"), "{\"secret-looking\": 1");
        String yaml = withProvider("- url: https://ci.example.test\n  client_ids: [a]\n  keys_file: k.json\n");

        assertThatThrownBy(
                        () -> WorldLoader.parse(yaml, dir.resolve("world.yml").toString()))
                .hasMessageEndingWith("k.json is not a JWK set ({\"keys\": [...]})")
                .message()
                .doesNotContain("secret-looking");
    }

    @Test
    void aProviderNeedsAClientId(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("k.json"), dev.rolehop.local.oidc.SigningKeys.newPrivateJwkSet());
        String yaml = withProvider("- url: https://ci.example.test\n  keys_file: k.json\n");

        assertThatThrownBy(
                        () -> WorldLoader.parse(yaml, dir.resolve("world.yml").toString()))
                .hasMessageContaining("'client_ids' must list 1 to 100 audiences");
    }
}
