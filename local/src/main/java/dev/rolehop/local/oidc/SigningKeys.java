package dev.rolehop.local.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.UUID;

/** Makes the signing keys of a local OIDC issuer: one RSA key for RS256, as a JWK set. */
public final class SigningKeys {

    private static final int RSA_BITS = 2048;

    private SigningKeys() {}

    /**
     * A new JWK set holding one RSA key pair with a random key id; its JSON holds the private key,
     * so the file it goes to must be the owner's alone.
     */
    public static String newPrivateJwkSet() {
        try {
            RSAKey key = new RSAKeyGenerator(RSA_BITS)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            return new JWKSet(key).toString(false);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key: " + e.getMessage(), e);
        }
    }
}
