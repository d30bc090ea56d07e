package dev.rolehop.creds.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.creds.ChainStep;
import dev.rolehop.creds.profile.ProfileFiles;
import org.junit.jupiter.api.Test;

/** How IAM Identity Center profiles plan, with botocore's rules, without calling AWS. */
class SsoPlanningTest {

    private static final String SESSION =
            "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n";

    private static ChainPlanner planner(String config, String credentials) {
        return new ChainPlanner(ProfileFiles.of(config, credentials, warning -> {}));
    }

    @Test
    void anSsoSessionProfileExplainsAsAnSsoStep() {
        String config = SESSION + "[profile dev]\nsso_session = corp\nsso_account_id = 222222222222\n"
                + "sso_role_name = Admin\n";
        assertThat(planner(config, "").explain("dev"))
                .containsExactly(new ChainStep.Sso(
                        "corp", "https://corp.awsapps.com/start", "eu-west-1", "222222222222", "Admin"));
        assertThat(planner(config, "").explain("dev").get(0).toJson())
                .isEqualTo(
                        "{\"Sso\": {\"sso_session\": \"corp\", \"sso_start_url\": \"https://corp.awsapps.com/start\","
                                + " \"sso_region\": \"eu-west-1\", \"sso_account_id\": \"222222222222\","
                                + " \"sso_role_name\": \"Admin\"}}");
    }

    @Test
    void aLegacyProfileCarriesItsOwnStartUrlAndRegion() {
        String config = "[profile old]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n"
                + "sso_account_id = 111111111111\nsso_role_name = ReadOnly\n";
        assertThat(planner(config, "").explain("old"))
                .containsExactly(new ChainStep.Sso(
                        null, "https://corp.awsapps.com/start", "eu-west-1", "111111111111", "ReadOnly"));
    }

    @Test
    void identityCenterComesBeforeTheCredentialsFilesKeysAsInBotocore() {
        String config = SESSION + "[profile dev]\nsso_session = corp\nsso_account_id = 2\nsso_role_name = Admin\n";
        String credentials = "[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = s\n";
        assertThat(planner(config, credentials).plan("dev").source()).isInstanceOf(CredentialSource.Sso.class);
    }

    @Test
    void anSsoProfileCanBeARolesSourceProfile() {
        String config = SESSION + "[profile dev]\nsso_session = corp\nsso_account_id = 2\nsso_role_name = Admin\n"
                + "[profile deep]\nrole_arn = arn:aws:iam::3:role/deep\nsource_profile = dev\n";
        assertThat(planner(config, "").explain("deep"))
                .containsExactly(
                        new ChainStep.Sso("corp", "https://corp.awsapps.com/start", "eu-west-1", "2", "Admin"),
                        new ChainStep.AssumeRole("arn:aws:iam::3:role/deep", null, null, null, null));
    }

    @Test
    void missingAndInconsistentSettingsAreNamedWithTheFix() {
        assertThatThrownBy(() -> planner("[profile a]\nsso_session = nope\nsso_account_id = 2\nsso_role_name = R\n", "")
                        .plan("a"))
                .hasMessage("profile 'a': sso-session 'nope' does not exist in config (defined sso-sessions: none);"
                        + " add a [sso-session nope] section with sso_start_url and sso_region");
        assertThatThrownBy(() -> planner(
                                "[profile a]\nsso_start_url = https://x/start\nsso_account_id = 2\n"
                                        + "sso_role_name = R\n",
                                "")
                        .plan("a"))
                .hasMessage("profile 'a' is configured for IAM Identity Center but is missing sso_region; add"
                        + " sso_session = NAME (with a [sso-session NAME] section) or sso_start_url and sso_region");
        assertThatThrownBy(() -> planner(SESSION + "[profile a]\nsso_session = corp\nsso_account_id = 2\n", "")
                        .plan("a"))
                .hasMessage("profile 'a' is configured for IAM Identity Center but is missing sso_role_name; set both"
                        + " sso_account_id and sso_role_name");
        assertThatThrownBy(() -> planner(
                                SESSION + "[profile a]\nsso_session = corp\nsso_region = us-east-1\n"
                                        + "sso_account_id = 2\nsso_role_name = R\n",
                                "")
                        .plan("a"))
                .hasMessage("profile 'a': the value of sso_region is inconsistent between the profile (us-east-1) and"
                        + " sso-session 'corp' (eu-west-1); remove it from the profile");
        assertThatThrownBy(() -> planner(SESSION + "[profile a]\nsso_session = corp\n", "")
                        .plan("a"))
                .hasMessage("profile 'a' signs in to IAM Identity Center but names no role; add sso_account_id and"
                        + " sso_role_name (rolehop profiles --sso-profile a lists the accounts and roles you can"
                        + " reach)");
    }

    @Test
    void theRoleCredentialsKeyIsBotocoresForSessionsAndStartUrls() {
        String config = SESSION
                + "[profile dev]\nsso_session = corp\nsso_account_id = 222222222222\nsso_role_name = AdministratorAccess\n";
        CredentialSource.Sso sso = (CredentialSource.Sso)
                planner(config.replace("https://corp.awsapps.com/start", "https://rolehop-local.awsapps.com/start"), "")
                        .plan("dev")
                        .source();
        // Computed by AWS CLI 2.9.19's SSOCredentialFetcher._create_cache_key.
        assertThat(sso.cacheKey()).isEqualTo("1d2f9c063874f35c2662667d509516b6ffbb23d5");
        String legacy =
                "[profile old]\nsso_start_url = https://rolehop-local.awsapps.com/start\nsso_region = us-east-1\n"
                        + "sso_account_id = 111111111111\nsso_role_name = ReadOnly\n";
        assertThat(((CredentialSource.Sso) planner(legacy, "").plan("old").source()).cacheKey())
                .isEqualTo("8111289ae511dd7c5385770d64f465bbac0f562f");
    }
}
