package dev.rolehop.local.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.world.OidcProvider;
import dev.rolehop.local.world.World;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Checks a web identity token (an OIDC ID token, a JWT) as STS does for AssumeRoleWithWebIdentity:
 * the issuer is an OIDC provider of the role's account, the RS256 signature verifies with one of
 * the provider's keys, an audience is one of its client ids, and the token is within its
 * {@code nbf}..{@code exp} window and names a subject. Each failure is STS's error; the token is
 * never part of a message.
 */
public final class IdentityTokenVerifier {

    /** STS's message for a token it cannot read as a JWT. */
    static final String NOT_A_JWT =
            "The ID Token provided is not a valid JWT. (You may see this error if you sent" + " an Access Token)";

    private final World world;

    /** Verifies against the providers of a world. */
    public IdentityTokenVerifier(World world) {
        this.world = world;
    }

    /**
     * Verifies {@code token} for a role of {@code accountId} at {@code now}.
     *
     * @throws AwsException InvalidIdentityToken, ExpiredTokenException or IDPRejectedClaim
     */
    public VerifiedIdentity verify(String token, String accountId, Instant now) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw AwsErrorCode.INVALID_IDENTITY_TOKEN.error(NOT_A_JWT);
        }
        String issuer = claims.getIssuer();
        if (issuer == null) {
            throw AwsErrorCode.INVALID_IDENTITY_TOKEN.error(NOT_A_JWT);
        }
        OidcProvider provider = world.oidcProvider(accountId, issuer)
                .orElseThrow(() -> AwsErrorCode.INVALID_IDENTITY_TOKEN.error(
                        "No OpenIDConnect provider found in your account for " + issuer));
        checkSignature(jwt, provider);
        List<String> audiences = claims.getAudience();
        String audience = audiences.stream()
                .filter(provider.clientIds()::contains)
                .findFirst()
                .orElseThrow(() -> AwsErrorCode.INVALID_IDENTITY_TOKEN.error("Incorrect token audience"));
        checkTimes(claims, now);
        String subject = claims.getSubject();
        if (subject == null || subject.isEmpty()) {
            throw AwsErrorCode.IDP_REJECTED_CLAIM.error("The token has no sub (subject) claim");
        }
        return new VerifiedIdentity(provider, subject, audience, audiences);
    }

    private static void checkSignature(SignedJWT jwt, OidcProvider provider) {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw AwsErrorCode.INVALID_IDENTITY_TOKEN.error("Unsupported token signing algorithm "
                    + jwt.getHeader().getAlgorithm() + " (the provider's keys sign with RS256)");
        }
        JWK key = jwt.getHeader().getKeyID() == null
                ? null
                : provider.keys().getKeyByKeyId(jwt.getHeader().getKeyID());
        if (!(key instanceof RSAKey rsa)) {
            throw AwsErrorCode.INVALID_IDENTITY_TOKEN.error("Couldn't retrieve verification key from your identity"
                    + " provider,  please reference AssumeRoleWithWebIdentity documentation for requirements");
        }
        boolean valid;
        try {
            valid = jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey()));
        } catch (JOSEException e) {
            valid = false;
        }
        if (!valid) {
            throw AwsErrorCode.INVALID_IDENTITY_TOKEN.error(
                    "The token's signature does not verify with the key " + rsa.getKeyID() + " of " + provider.arn());
        }
    }

    /** {@code exp} is required and must be after now; an {@code nbf} must not be after now. */
    private static void checkTimes(JWTClaimsSet claims, Instant now) {
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw AwsErrorCode.INVALID_IDENTITY_TOKEN.error("The token has no exp (expiration) claim");
        }
        long nowSeconds = now.getEpochSecond();
        long exp = expires.toInstant().getEpochSecond();
        if (exp <= nowSeconds) {
            throw AwsErrorCode.EXPIRED_TOKEN_EXCEPTION.error("Token expired: current date/time " + nowSeconds
                    + " must be before the expiration date/time " + exp);
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().getEpochSecond() > nowSeconds) {
            throw AwsErrorCode.IDP_REJECTED_CLAIM.error("Token not yet valid: current date/time " + nowSeconds
                    + " must be at or after the not-before date/time "
                    + notBefore.toInstant().getEpochSecond());
        }
    }
}
