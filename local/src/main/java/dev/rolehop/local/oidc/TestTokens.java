package dev.rolehop.local.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.rolehop.local.world.OidcProvider;
import dev.rolehop.local.world.World;
import dev.rolehop.local.world.WorldException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints web identity tokens as a local OIDC provider's issuer would: an RS256 JWT signed with the
 * private key of the provider's keys file, with {@code iss}, {@code sub}, {@code aud}, {@code iat},
 * {@code nbf}, {@code exp} and a random {@code jti}. For tests and demos of AssumeRoleWithWebIdentity.
 */
public final class TestTokens {

    private TestTokens() {}

    /**
     * A signed token.
     *
     * @param providerName the provider's URL, its name (the URL without https://) or its ARN
     * @param audience the {@code aud}, or null for the provider's first client id
     * @param lifetime from now to {@code exp}; zero or negative makes a token that has expired already
     * @throws WorldException when the world has no such provider, more than one, or no private key for it
     */
    public static String mint(
            World world, String providerName, String subject, String audience, Duration lifetime, Instant now) {
        OidcProvider provider = provider(world, providerName);
        RSAKey key = provider.keys().getKeys().stream()
                .filter(JWK::isPrivate)
                .map(RSAKey.class::cast)
                .findFirst()
                .orElseThrow(() -> new WorldException(provider.keysFile() + " holds no private key, so rolehop cannot"
                        + " sign tokens of " + provider.url() + " (a keys file from 'rolehop local init' has one)"));
        Instant expires = now.plus(lifetime);
        // An expired token was issued before it expired, as a real one would have been.
        Instant issued = expires.isAfter(now) ? now : expires.minusSeconds(60);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(provider.url())
                .subject(subject)
                .audience(audience == null ? provider.clientIds().get(0) : audience)
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new WorldException(
                    provider.keysFile() + ": cannot sign with key " + key.getKeyID() + ": " + e.getMessage());
        }
        return jwt.serialize();
    }

    private static OidcProvider provider(World world, String name) {
        List<OidcProvider> matches = world.oidcProviders().stream()
                .filter(p -> name.equals(p.url()) || name.equals(p.name()) || name.equals(p.arn()))
                .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        List<String> known =
                world.oidcProviders().stream().map(OidcProvider::arn).toList();
        if (matches.isEmpty()) {
            throw new WorldException("no OIDC provider '" + name + "' in the world (providers: "
                    + (known.isEmpty() ? "none; add oidc_providers to an account" : String.join(", ", known)) + ")");
        }
        throw new WorldException("OIDC provider '" + name + "' is in several accounts; name one by its ARN ("
                + String.join(", ", matches.stream().map(OidcProvider::arn).toList()) + ")");
    }
}
