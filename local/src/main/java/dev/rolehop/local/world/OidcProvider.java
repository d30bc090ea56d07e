package dev.rolehop.local.world;

import com.nimbusds.jose.jwk.JWKSet;
import java.util.List;
import java.util.Objects;

/**
 * An IAM OpenID Connect identity provider of an account: the issuer URL, the client ids
 * (audiences) it accepts, its certificate thumbprints, and the issuer's signing keys.
 *
 * <p>AWS fetches the keys from the issuer's JWKS endpoint over TLS and checks the server
 * certificate against the thumbprints; rolehop local reads them from a JWK set file instead, so
 * the thumbprints are validated and kept, not used.
 *
 * @param url the issuer URL, {@code https://HOST[/PATH]}, equal to the tokens' {@code iss}
 * @param keys the issuer's signing keys; private parts, where the file has them, sign test tokens
 * @param keysFile where the keys were read from, for messages
 */
public record OidcProvider(
        String accountId, String url, List<String> clientIds, List<String> thumbprints, JWKSet keys, String keysFile) {

    public OidcProvider {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(keys, "keys");
        clientIds = List.copyOf(clientIds);
        thumbprints = List.copyOf(thumbprints);
    }

    /** IAM's name of the provider: the URL without {@code https://}, which also prefixes its condition keys. */
    public String name() {
        return url.substring("https://".length());
    }

    /** The provider's ARN, {@code arn:aws:iam::ACCOUNT:oidc-provider/NAME}, a trust policy's Federated principal. */
    public String arn() {
        return "arn:aws:iam::" + accountId + ":oidc-provider/" + name();
    }

    /** Names the keys file, never a key. */
    @Override
    public String toString() {
        return "OidcProvider[" + arn() + ", keys from " + keysFile + "]";
    }
}
