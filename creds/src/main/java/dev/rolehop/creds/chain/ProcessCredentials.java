package dev.rolehop.creds.chain;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.cache.Timestamps;
import dev.rolehop.python.Json;
import java.time.Instant;
import java.util.Map;

/**
 * Credentials from a {@code credential_process} command: its standard output must be the
 * Version 1 JSON document ({@code Version}, {@code AccessKeyId}, {@code SecretAccessKey}, and
 * optionally {@code SessionToken}, an ISO 8601 {@code Expiration} and {@code AccountId}; without
 * {@code AccountId}, the profile's {@code aws_account_id}, as botocore reads it). Credentials that have
 * already expired are refused.
 */
public final class ProcessCredentials {

    private ProcessCredentials() {}

    /**
     * Runs the command and reads its credentials.
     *
     * @throws CredentialException when it fails or prints something else
     */
    public static AwsCredentials fetch(CredentialSource.Process source, Map<String, String> environment, Instant now) {
        String what = "profile '" + source.profile() + "': credential_process";
        ExternalCommand.Result result = new ExternalCommand(what, source.command(), environment).run();
        if (result.exitCode() != 0) {
            throw new CredentialException(what + " exited with status " + result.exitCode()
                    + (result.stderr().isBlank() ? "" : ": " + result.stderr().strip()));
        }
        AwsCredentials parsed =
                parse(what, result.stdout(), now).withSource("credential_process of profile " + source.profile());
        return parsed.accountId() == null ? parsed.withAccountId(source.accountId()) : parsed;
    }

    /**
     * Reads a Version 1 document.
     *
     * @param what how errors name the command
     * @throws CredentialException when the document is not valid
     */
    public static AwsCredentials parse(String what, String json, Instant now) {
        Object parsed;
        try {
            parsed = Json.loads(json);
        } catch (IllegalArgumentException e) {
            throw new CredentialException(what + " did not print a JSON object; it must print"
                    + " {\"Version\": 1, \"AccessKeyId\": ..., \"SecretAccessKey\": ...}");
        }
        if (!(parsed instanceof Map<?, ?> document)) {
            throw new CredentialException(what + " did not print a JSON object");
        }
        Object version = document.get("Version");
        if (!(version instanceof Number number) || number.doubleValue() != 1) {
            throw new CredentialException(what + " printed Version " + (version == null ? "(none)" : version)
                    + "; only Version 1 is supported");
        }
        String keyId = required(what, document, "AccessKeyId");
        String secret = required(what, document, "SecretAccessKey");
        String token = document.get("SessionToken") instanceof String s ? s : null;
        Instant expiration = null;
        if (document.get("Expiration") instanceof String text) {
            expiration = Timestamps.parse(text)
                    .orElseThrow(() -> new CredentialException(
                            what + " printed Expiration '" + text + "', which is not an ISO 8601 timestamp"));
            if (!expiration.isAfter(now)) {
                throw new CredentialException(what + " returned credentials that expired at " + expiration);
            }
        }
        String accountId = document.get("AccountId") instanceof String s ? s : null;
        return new AwsCredentials(keyId, secret, token, expiration, what, accountId);
    }

    private static String required(String what, Map<?, ?> document, String key) {
        if (!(document.get(key) instanceof String value) || value.isEmpty()) {
            throw new CredentialException(what + " printed no " + key);
        }
        return value;
    }
}
