package dev.rolehop.aws.sts;

import dev.rolehop.aws.client.Boto3Shapes;
import dev.rolehop.engine.module.ModuleContext;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The {@code sts_creds} return value of the STS modules, with its secret parts registered as secrets. */
final class StsCredentials {

    private StsCredentials() {}

    static Map<String, Object> of(Credentials credentials, ModuleContext context) {
        Map<String, Object> creds = new LinkedHashMap<>();
        if (credentials == null) {
            return creds;
        }
        if (credentials.secretAccessKey() != null) {
            context.markSecret(credentials.secretAccessKey());
        }
        if (credentials.sessionToken() != null) {
            context.markSecret(credentials.sessionToken());
        }
        creds.put("access_key", credentials.accessKeyId());
        creds.put("secret_key", credentials.secretAccessKey());
        creds.put("session_token", credentials.sessionToken());
        creds.put(
                "expiration",
                credentials.expiration() == null ? null : Boto3Shapes.isoformat(credentials.expiration()));
        return creds;
    }
}
