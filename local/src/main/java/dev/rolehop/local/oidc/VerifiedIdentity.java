package dev.rolehop.local.oidc;

import dev.rolehop.local.world.OidcProvider;
import java.util.List;
import java.util.Objects;

/**
 * What a verified web identity token says: which provider issued it, for whom ({@code sub}) and
 * for which of the provider's client ids ({@code aud}).
 *
 * @param audience the first of the token's audiences that the provider accepts
 * @param audiences all of the token's audiences
 */
public record VerifiedIdentity(OidcProvider provider, String subject, String audience, List<String> audiences) {

    public VerifiedIdentity {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        audiences = List.copyOf(audiences);
    }
}
