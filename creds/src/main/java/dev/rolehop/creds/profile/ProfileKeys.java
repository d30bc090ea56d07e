package dev.rolehop.creds.profile;

/** The profile keys rolehop reads, one constant each, spelt as in the AWS CLI's files. */
public final class ProfileKeys {

    public static final String ACCESS_KEY_ID = "aws_access_key_id";
    public static final String SECRET_ACCESS_KEY = "aws_secret_access_key";
    public static final String SESSION_TOKEN = "aws_session_token";
    public static final String ROLE_ARN = "role_arn";
    public static final String SOURCE_PROFILE = "source_profile";
    public static final String CREDENTIAL_SOURCE = "credential_source";
    public static final String CREDENTIAL_PROCESS = "credential_process";
    public static final String MFA_SERIAL = "mfa_serial";
    public static final String MFA_PROCESS = "mfa_process";
    public static final String EXTERNAL_ID = "external_id";
    public static final String ROLE_SESSION_NAME = "role_session_name";
    public static final String DURATION_SECONDS = "duration_seconds";
    /** rolehop's own: how long the MFA session of a user's profile with {@code mfa_serial} lasts. */
    public static final String SESSION_DURATION_SECONDS = "rolehop_session_duration_seconds";

    public static final String REGION = "region";
    public static final String ACCOUNT_ID = "aws_account_id";
    public static final String ENDPOINT_URL = "endpoint_url";
    public static final String SERVICES = "services";
    public static final String IGNORE_CONFIGURED_ENDPOINT_URLS = "ignore_configured_endpoint_urls";
    public static final String WEB_IDENTITY_TOKEN_FILE = "web_identity_token_file";
    public static final String SSO_START_URL = "sso_start_url";
    public static final String SSO_SESSION = "sso_session";
    public static final String SSO_REGION = "sso_region";
    public static final String SSO_ACCOUNT_ID = "sso_account_id";
    public static final String SSO_ROLE_NAME = "sso_role_name";
    public static final String SSO_REGISTRATION_SCOPES = "sso_registration_scopes";
    public static final String EC2_METADATA_SERVICE_ENDPOINT = "ec2_metadata_service_endpoint";
    public static final String EC2_METADATA_SERVICE_ENDPOINT_MODE = "ec2_metadata_service_endpoint_mode";
    public static final String METADATA_SERVICE_TIMEOUT = "metadata_service_timeout";
    public static final String METADATA_SERVICE_NUM_ATTEMPTS = "metadata_service_num_attempts";

    private ProfileKeys() {}
}
