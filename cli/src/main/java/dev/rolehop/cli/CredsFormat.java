package dev.rolehop.cli;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.python.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The output formats of {@code rolehop creds}. */
enum CredsFormat {
    /** {@code export NAME='value'} lines for a POSIX shell ({@code eval "$(rolehop creds)"}). */
    env {
        @Override
        String render(AwsCredentials credentials, String region) {
            StringBuilder out = new StringBuilder();
            ExecEnvironment.variables(credentials, region)
                    .forEach((name, value) -> out.append("export ")
                            .append(name)
                            .append('=')
                            .append(shellQuote(value))
                            .append('\n'));
            return out.toString();
        }
    },
    /** The credentials as a JSON object, as {@code aws configure export-credentials --format process} names them. */
    json {
        @Override
        String render(AwsCredentials credentials, String region) {
            return Json.dumps().indent(2).write(document(credentials, false)) + "\n";
        }
    },
    /** The {@code credential_process} Version 1 document, on one line. */
    process {
        @Override
        String render(AwsCredentials credentials, String region) {
            return Json.dumps(document(credentials, true)) + "\n";
        }
    };

    abstract String render(AwsCredentials credentials, String region);

    private static Map<String, Object> document(AwsCredentials credentials, boolean version) {
        Map<String, Object> document = new LinkedHashMap<>();
        if (version) {
            document.put("Version", 1);
        }
        document.put("AccessKeyId", credentials.accessKeyId());
        document.put("SecretAccessKey", credentials.secretAccessKey());
        if (credentials.sessionToken() != null) {
            document.put("SessionToken", credentials.sessionToken());
        }
        if (credentials.expiration() != null) {
            document.put("Expiration", credentials.expiration().toString());
        }
        if (credentials.accountId() != null) {
            // credential_process's optional AccountId, as botocore reads it.
            document.put("AccountId", credentials.accountId());
        }
        return document;
    }

    private static String shellQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
