package dev.rolehop.creds.chain;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.cache.Timestamps;
import java.net.URI;
import java.util.Map;

/**
 * The JSON credentials document that the container endpoint and the instance metadata service
 * both answer with: AccessKeyId, SecretAccessKey, Token, Expiration (and AccountId on newer ones).
 */
final class CredentialDocument {

    private CredentialDocument() {}

    /**
     * Credentials from {@code document}, an answer of {@code uri}.
     *
     * @param what the profile and source, for messages
     * @param source the source shown by {@code whoami} and {@code --explain}
     * @throws CredentialException when a key field is missing (never showing the document)
     */
    static AwsCredentials read(String what, URI uri, Map<?, ?> document, String source) {
        return new AwsCredentials(
                field(what, uri, document, "AccessKeyId"),
                field(what, uri, document, "SecretAccessKey"),
                document.get("Token") instanceof String t ? t : null,
                document.get("Expiration") instanceof String e
                        ? Timestamps.parse(e).orElse(null)
                        : null,
                source,
                document.get("AccountId") instanceof String a ? a : null);
    }

    private static String field(String what, URI uri, Map<?, ?> document, String name) {
        if (document.get(name) instanceof String value && !value.isEmpty()) {
            return value;
        }
        throw new CredentialException(what + ": the answer of " + uri + " has no " + name);
    }
}
