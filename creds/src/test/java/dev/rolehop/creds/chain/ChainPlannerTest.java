package dev.rolehop.creds.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.creds.ChainStep;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.profile.ProfileFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainPlannerTest {

    private static ChainPlanner planner(String config, String credentials) {
        return new ChainPlanner(ProfileFiles.of(config, credentials, warning -> {}));
    }

    private static final String JUMP_KEYS =
            "[jump]\naws_access_key_id = AKIAJUMP\naws_secret_access_key = jumpsecret\n";

    @Test
    void staticKeysInTheCredentialsFileAreTheSource() {
        CredentialPlan plan = planner("", JUMP_KEYS).plan("jump");

        assertThat(plan.source())
                .isEqualTo(new CredentialSource.StaticKeys("jump", "AKIAJUMP", "jumpsecret", null, null));
        assertThat(plan.hops()).isEmpty();
    }

    @Test
    void aThreeHopChainIsPlannedSourceFirst() {
        String config = "[profile jump]\n"
                + "[profile lab]\nrole_arn = arn:aws:iam::222222222222:role/lab-admin\nsource_profile = jump\n"
                + "mfa_serial = arn:aws:iam::111111111111:mfa/alice\n"
                + "[profile deep]\nrole_arn = arn:aws:iam::333333333333:role/deep\nsource_profile = lab\n"
                + "external_id = ext-1\nduration_seconds = 900\nrole_session_name = nightly\n";

        CredentialPlan plan = planner(config, JUMP_KEYS).plan("deep");

        assertThat(plan.steps())
                .containsExactly(
                        new ChainStep.AccessKey("AKIAJUMP"),
                        new ChainStep.AssumeRole(
                                "arn:aws:iam::222222222222:role/lab-admin",
                                null,
                                null,
                                "arn:aws:iam::111111111111:mfa/alice",
                                null),
                        new ChainStep.AssumeRole("arn:aws:iam::333333333333:role/deep", "ext-1", "nightly", null, 900));
    }

    @Test
    void aSourceProfileWithStaticKeysSuppliesThemInsteadOfItsRole() {
        String config = "[profile jump]\nrole_arn = arn:aws:iam::1:role/ignored\nsource_profile = other\n"
                + "[profile lab]\nrole_arn = arn:aws:iam::2:role/lab\nsource_profile = jump\n";

        CredentialPlan plan = planner(config, JUMP_KEYS).plan("lab");

        assertThat(plan.steps())
                .containsExactly(
                        new ChainStep.AccessKey("AKIAJUMP"),
                        new ChainStep.AssumeRole("arn:aws:iam::2:role/lab", null, null, null, null));
    }

    @Test
    void aProfileMayNameItselfAsSourceWhenItHoldsStaticKeys() {
        String credentials = "[self]\naws_access_key_id = AKIASELF\naws_secret_access_key = s\n"
                + "role_arn = arn:aws:iam::2:role/r\nsource_profile = self\n";

        CredentialPlan plan = planner("", credentials).plan("self");

        assertThat(plan.steps())
                .containsExactly(
                        new ChainStep.AccessKey("AKIASELF"),
                        new ChainStep.AssumeRole("arn:aws:iam::2:role/r", null, null, null, null));
    }

    @Test
    void selfReferenceWithoutStaticKeysIsACycle() {
        assertThatThrownBy(() -> planner("[profile a]\nrole_arn = arn:aws:iam::2:role/r\nsource_profile = a\n", "")
                        .plan("a"))
                .isInstanceOf(CredentialException.class)
                .hasMessage("profile 'a': source_profile chain a -> a is a cycle; a profile may name itself as"
                        + " source_profile only when it holds aws_access_key_id and aws_secret_access_key");
    }

    @Test
    void sourceProfileCyclesAreRejectedWithTheChain() {
        String config = "[profile a]\nrole_arn = arn:aws:iam::2:role/a\nsource_profile = b\n"
                + "[profile b]\nrole_arn = arn:aws:iam::2:role/b\nsource_profile = c\n"
                + "[profile c]\nrole_arn = arn:aws:iam::2:role/c\nsource_profile = a\n";

        assertThatThrownBy(() -> planner(config, "").plan("a"))
                .hasMessage("profile 'a': source_profile chain a -> b -> c -> a is a cycle; a profile may name"
                        + " itself as source_profile only when it holds aws_access_key_id and aws_secret_access_key");
    }

    @Test
    void aMissingSourceProfileIsNamedWithTheDefinedProfiles() {
        String config =
                "[default]\nregion = us-east-1\n[profile lab]\nrole_arn = arn:aws:iam::2:role/lab\nsource_profile = jump\n";

        assertThatThrownBy(() -> planner(config, "").plan("lab"))
                .hasMessage("profile 'lab': source_profile 'jump' does not exist (defined profiles: default, lab)");
    }

    @Test
    void aMissingProfileIsNamedWithTheFilesAndTheDefinedProfiles() {
        assertThatThrownBy(() -> planner("[profile lab]\n", "").plan("nope"))
                .hasMessage("profile 'nope' does not exist in config or credentials (defined profiles: lab)");
    }

    @Test
    void credentialSourceEnvironmentIsANamedSource() {
        CredentialPlan plan = planner(
                        "[profile ci]\nrole_arn = arn:aws:iam::2:role/ci\ncredential_source = Environment\n", "")
                .plan("ci");

        assertThat(plan.steps())
                .containsExactly(
                        new ChainStep.NamedSource("Environment"),
                        new ChainStep.AssumeRole("arn:aws:iam::2:role/ci", null, null, null, null));
    }

    @Test
    void bothSourceProfileAndCredentialSourceAreRejected() {
        assertThatThrownBy(() -> planner(
                                "[profile x]\nrole_arn = r\nsource_profile = x\ncredential_source = Environment\n", "")
                        .plan("x"))
                .hasMessage("profile 'x': role_arn needs exactly one of source_profile and credential_source, but both"
                        + " are set; remove one of them");
    }

    @Test
    void aRoleWithoutAnySourceIsRejected() {
        assertThatThrownBy(() -> planner("[profile x]\nrole_arn = r\n", "").plan("x"))
                .hasMessage("profile 'x': role_arn needs exactly one of source_profile and credential_source, but"
                        + " neither is set; add source_profile = NAME or credential_source = Environment");
    }

    @Test
    void instanceMetadataIsANamedSourceWithTheProfilesOwnSettings() {
        CredentialPlan plan = planner(
                        "[profile x]\nrole_arn = r\ncredential_source = Ec2InstanceMetadata\n"
                                + "ec2_metadata_service_endpoint = http://127.0.0.1:1/\nmetadata_service_timeout = 2\n"
                                + "region = eu-west-1\n",
                        "")
                .plan("x");

        assertThat(plan.source())
                .isEqualTo(new CredentialSource.InstanceMetadata(
                        "x",
                        Map.of(
                                "ec2_metadata_service_endpoint",
                                "http://127.0.0.1:1/",
                                "metadata_service_timeout",
                                "2")));
    }

    @Test
    void ecsContainerIsANamedSource() {
        CredentialPlan plan = planner("[profile x]\nrole_arn = r\ncredential_source = EcsContainer\n", "")
                .plan("x");

        assertThat(plan.source()).isEqualTo(new CredentialSource.Container("x"));
    }

    @Test
    void credentialProcessIsTheSourceWhenNoKeysAreInTheCredentialsFile() {
        String config = "[profile p]\ncredential_process = /opt/bin/creds --json\naws_access_key_id = AKIACONFIG\n"
                + "aws_secret_access_key = s\n";

        assertThat(planner(config, "").plan("p").source())
                .isEqualTo(new CredentialSource.Process("p", "/opt/bin/creds --json"));
    }

    @Test
    void keysInTheCredentialsFileWinOverCredentialProcess() {
        assertThat(planner(
                                "[profile p]\ncredential_process = /opt/bin/creds\n",
                                "[p]\naws_access_key_id = AKIA\n" + "aws_secret_access_key = s\n")
                        .plan("p")
                        .source())
                .isEqualTo(new CredentialSource.StaticKeys("p", "AKIA", "s", null, null));
    }

    @Test
    void aHalfKeyPairIsRejected() {
        assertThatThrownBy(() -> planner("", "[p]\naws_access_key_id = AKIA\n").plan("p"))
                .hasMessage("profile 'p': aws_access_key_id is set but aws_secret_access_key is missing; set both");
    }

    @Test
    void aProfileWithoutCredentialsIsRejected() {
        assertThatThrownBy(
                        () -> planner("[profile p]\nregion = eu-west-1\n", "").plan("p"))
                .hasMessage("profile 'p' has no credentials; set aws_access_key_id and aws_secret_access_key,"
                        + " credential_process, or role_arn with source_profile");
    }

    @Test
    void aNonNumericDurationIsRejected() {
        assertThatThrownBy(() -> planner(
                                "[profile p]\nrole_arn = r\nsource_profile = p\nduration_seconds = 1h\n",
                                "[p]\naws_access_key_id = A\naws_secret_access_key = s\n")
                        .plan("p"))
                .hasMessage("profile 'p': duration_seconds '1h' is not a whole number of seconds; write e.g."
                        + " duration_seconds = 3600");
    }

    @Test
    void explainPutsTheErrorWhereTheChainBreaks() {
        String config = "[profile lab]\nrole_arn = arn:aws:iam::2:role/lab\nsource_profile = jump\n";

        assertThat(planner(config, "").explain("lab"))
                .containsExactly(
                        new ChainStep.Error(
                                "profile 'lab': source_profile 'jump' does not exist (defined profiles: lab)"),
                        new ChainStep.AssumeRole("arn:aws:iam::2:role/lab", null, null, null, null));
    }

    @Test
    void explainJsonNamesNoSecret() {
        List<ChainStep> steps = planner(
                        "[profile lab]\nrole_arn = arn:aws:iam::2:role/lab\nsource_profile = jump\n", JUMP_KEYS)
                .explain("lab");

        assertThat(steps.get(0).toJson()).isEqualTo("{\"AccessKey\": {\"access_key_id\": \"AKIAJUMP\"}}");
        assertThat(steps.get(1).toJson())
                .isEqualTo(
                        "{\"AssumeRole\": {\"role_arn\": \"arn:aws:iam::2:role/lab\","
                                + " \"external_id\": null, \"role_session_name\": null, \"mfa_serial\": null, \"duration_seconds\": null}}");
    }

    @Test
    void awsAccountIdIsReadWithTheKeysAndExplained() {
        String credentials = "[jump]\naws_access_key_id = AKIAJUMP\naws_secret_access_key = jumpsecret\n"
                + "aws_account_id = 111111111111\n";
        String config = "[profile lab]\nrole_arn = arn:aws:iam::2:role/lab\nsource_profile = jump\n"
                + "[profile tool]\ncredential_process = /bin/creds\naws_account_id = 444444444444\n";

        assertThat(planner(config, credentials).plan("lab").source())
                .isEqualTo(new CredentialSource.StaticKeys("jump", "AKIAJUMP", "jumpsecret", null, "111111111111"));
        assertThat(planner(config, credentials).explain("lab").get(0).toJson())
                .isEqualTo("{\"AccessKey\": {\"access_key_id\": \"AKIAJUMP\", \"account_id\": \"111111111111\"}}");
        assertThat(planner(config, credentials).plan("tool").source())
                .isEqualTo(new CredentialSource.Process("tool", "/bin/creds", "444444444444"));
    }

    @Test
    void theAccountOfAnArnIsItsFifthField() {
        assertThat(ChainRunner.arnAccount("arn:aws:iam::222222222222:role/lab-admin"))
                .isEqualTo("222222222222");
        assertThat(ChainRunner.arnAccount("arn:aws:iam::2:role/lab")).isNull();
        assertThat(ChainRunner.arnAccount("not an arn")).isNull();
    }

    private static final String MFA_USER = "[profile alice]\naws_access_key_id = AKIAALICE\n"
            + "aws_secret_access_key = alicesecret\nmfa_serial = arn:aws:iam::111111111111:mfa/alice\n";

    @Test
    void aUserProfileWithMfaSerialMakesAnMfaSessionThatItsRolesUse() {
        String config = MFA_USER
                + "[profile a]\nrole_arn = arn:aws:iam::222222222222:role/admin\nsource_profile = alice\n"
                + "mfa_serial = arn:aws:iam::111111111111:mfa/alice\n"
                + "[profile b]\nrole_arn = arn:aws:iam::333333333333:role/admin\nsource_profile = alice\n"
                + "[profile other]\nrole_arn = arn:aws:iam::333333333333:role/admin\nsource_profile = alice\n"
                + "mfa_serial = arn:aws:iam::111111111111:mfa/other\n";
        ChainPlanner planner = planner(config, "");

        CredentialPlan a = planner.plan("a");
        assertThat(a.session())
                .isEqualTo(new MfaSession("alice", "AKIAALICE", "arn:aws:iam::111111111111:mfa/alice", null, null));
        assertThat(a.mfaFromSession(0)).isTrue();
        assertThat(a.firstMfaNeed().purpose()).isEqualTo("the MFA session of access key AKIAALICE");
        assertThat(planner.plan("b").session()).isEqualTo(a.session());
        assertThat(planner.plan("other").mfaFromSession(0))
                .as("another device is asked for")
                .isFalse();
        assertThat(planner.plan("alice").session()).isEqualTo(a.session());
        assertThat(planner.explain("b").stream().map(ChainStep::toJson))
                .containsExactly(
                        "{\"AccessKey\": {\"access_key_id\": \"AKIAALICE\"}}",
                        "{\"GetSessionToken\": {\"mfa_serial\": \"arn:aws:iam::111111111111:mfa/alice\","
                                + " \"duration_seconds\": null}}",
                        "{\"AssumeRole\": {\"role_arn\": \"arn:aws:iam::333333333333:role/admin\", \"external_id\": null,"
                                + " \"role_session_name\": null, \"mfa_serial\": null, \"duration_seconds\": null}}");
    }

    @Test
    void theSessionKeyIsNeverAnAwsCliKeyAndFollowsTheKeysDeviceAndDuration() {
        MfaSession session = new MfaSession("alice", "AKIAALICE", "arn:aws:iam::111111111111:mfa/alice", null, null);

        assertThat(session.cacheKey())
                .isEqualTo(dev.rolehop.creds.cache.CacheKey.of(java.util.Map.of(
                        "rolehop", "GetSessionToken",
                        "AccessKeyId", "AKIAALICE",
                        "SerialNumber", "arn:aws:iam::111111111111:mfa/alice")))
                .isNotEqualTo(new MfaSession("alice", "AKIAOTHER", session.mfaSerial(), null, null).cacheKey())
                .isNotEqualTo(new MfaSession("alice", "AKIAALICE", session.mfaSerial(), 3600, null).cacheKey());
    }

    @Test
    void noMfaSessionWhereMfaSerialIsTheRolesOrTheKeysAreASession() {
        String config = "[profile self]\naws_access_key_id = AKIASELF\naws_secret_access_key = s\n"
                + "role_arn = arn:aws:iam::222222222222:role/admin\nsource_profile = self\n"
                + "mfa_serial = arn:aws:iam::111111111111:mfa/alice\n"
                + "[profile withrole]\naws_access_key_id = AKIAB\naws_secret_access_key = s\n"
                + "role_arn = arn:aws:iam::222222222222:role/ignored\nsource_profile = x\n"
                + "mfa_serial = arn:aws:iam::111111111111:mfa/alice\n"
                + "[profile viawithrole]\nrole_arn = arn:aws:iam::222222222222:role/admin\nsource_profile = withrole\n"
                + "[profile temp]\naws_access_key_id = ASIATEMP\naws_secret_access_key = s\naws_session_token = t\n"
                + "mfa_serial = arn:aws:iam::111111111111:mfa/alice\n";
        ChainPlanner planner = planner(config, "");

        assertThat(planner.plan("self").session()).isNull();
        assertThat(planner.plan("viawithrole").session()).isNull();
        assertThat(planner.plan("temp").session()).isNull();
    }

    @Test
    void theSessionDurationIsRolehopsOwnKeyWithinStsLimits() {
        assertThat(planner(MFA_USER + "rolehop_session_duration_seconds = 28800\n", "")
                        .plan("alice")
                        .session()
                        .durationSeconds())
                .isEqualTo(28800);
        assertThatThrownBy(() -> planner(MFA_USER + "rolehop_session_duration_seconds = 200000\n", "")
                        .plan("alice"))
                .hasMessage("profile 'alice': rolehop_session_duration_seconds '200000' is not a whole number of"
                        + " seconds from 900 to 129600 (STS's limits for an MFA session); write e.g."
                        + " rolehop_session_duration_seconds = 28800");
    }

    /**
     * The web identity cases of the AWS SDKs' shared test data (smithy-lang/smithy-rs,
     * aws/rust-runtime/aws-config/test-data/assume-role-tests.json, Apache-2.0): profile, selected
     * profile, the chain expected (fields the vector leaves out are null here).
     */
    @Test
    void theSdksWebIdentityVectorsPlanAsTheyExpect() {
        String a =
                "[profile A]\nrole_arn = arn:aws:iam::123456789:role/RoleA\nweb_identity_token_file = /var/token.jwt\n";
        assertThat(planner(a, "").explain("A"))
                .containsExactly(
                        new ChainStep.WebIdentityToken("arn:aws:iam::123456789:role/RoleA", "/var/token.jwt", null));
        assertThat(planner(a + "role_session_name = some_session_name\n", "").explain("A"))
                .containsExactly(new ChainStep.WebIdentityToken(
                        "arn:aws:iam::123456789:role/RoleA", "/var/token.jwt", "some_session_name"));
        assertThat(planner("[profile A]\nweb_identity_token_file = /var/token.jwt\n", "")
                        .explain("A"))
                .singleElement()
                .isInstanceOf(ChainStep.Error.class)
                .extracting(step -> ((ChainStep.Error) step).message())
                .isEqualTo("profile 'A': web_identity_token_file is set but role_arn is missing; add role_arn = the"
                        + " role to assume with the token");
        String chained = "[profile A]\nrole_arn = arn:aws:iam::123456789:role/RoleA\nsource_profile = B\n"
                + "[profile B]\nrole_arn = arn:aws:iam::123456789:role/RoleB\nweb_identity_token_file = /var/token.jwt\n"
                + "role_session_name = some_session_name\n";
        assertThat(planner(chained, "").explain("A"))
                .containsExactly(
                        new ChainStep.WebIdentityToken(
                                "arn:aws:iam::123456789:role/RoleB", "/var/token.jwt", "some_session_name"),
                        new ChainStep.AssumeRole("arn:aws:iam::123456789:role/RoleA", null, null, null, null));
    }

    @Test
    void sourceProfileWinsOverATokenFileAsInBotocore() {
        String config = "[profile A]\nrole_arn = arn:aws:iam::2:role/a\nsource_profile = B\n"
                + "web_identity_token_file = /var/token.jwt\n";

        assertThat(planner(config, "[B]\naws_access_key_id = AKIAB\naws_secret_access_key = s\n")
                        .explain("A"))
                .containsExactly(
                        new ChainStep.AccessKey("AKIAB"),
                        new ChainStep.AssumeRole("arn:aws:iam::2:role/a", null, null, null, null));
    }
}
