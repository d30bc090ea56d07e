package dev.rolehop.local.ec2;

import dev.rolehop.local.wire.AwsErrorCode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Real key pairs for EC2's CreateKeyPair and ImportKeyPair, with EC2's fingerprints: for an RSA
 * pair EC2 created, the SHA-1 of the DER PKCS#8 private key; for an imported RSA key, the MD5 of
 * the DER public key (SubjectPublicKeyInfo), both as colon-separated hex; for ED25519 keys, the
 * base64 SHA-256 of the OpenSSH public key blob, padded with {@code =}.
 */
final class KeyMaterial {

    /** A new pair: the private key text (answered once, never kept) and the public half. */
    record Created(String privateKey, String publicKey, String fingerprint) {
        @Override
        public String toString() {
            return "Created[fingerprint=" + fingerprint + "]";
        }
    }

    /** An imported public key. */
    record Imported(String type, String publicKey, String fingerprint) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NOT_OPENSSH = "Key is not in valid OpenSSH public key format";

    private KeyMaterial() {}

    /**
     * Creates a pair.
     *
     * @param type {@code rsa} (2048 bits) or {@code ed25519}
     * @param format {@code pem} or {@code ppk}
     */
    static Created create(String type, String format, String name) {
        return type.equals("ed25519") ? ed25519(format, name) : rsa(format, name);
    }

    private static Created rsa(String format, String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            java.security.KeyPair pair = generator.generateKeyPair();
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) pair.getPrivate();
            byte[] pkcs8 = priv.getEncoded();
            byte[] blob = blob(new RSAKeyParameters(false, pub.getModulus(), pub.getPublicExponent()));
            String text = format.equals("ppk")
                    ? PuttyKey.rsa(blob, priv, name)
                    : pem(
                            "RSA PRIVATE KEY",
                            PrivateKeyInfo.getInstance(pkcs8)
                                    .parsePrivateKey()
                                    .toASN1Primitive()
                                    .getEncoded());
            return new Created(text, "ssh-rsa " + base64(blob), colons(digest("SHA-1", pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is part of every JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Created ed25519(String format, String name) {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        Ed25519PrivateKeyParameters priv = (Ed25519PrivateKeyParameters) pair.getPrivate();
        byte[] blob = blob(pair.getPublic());
        String text;
        try {
            text = format.equals("ppk")
                    ? PuttyKey.ed25519(blob, priv.getEncoded(), name)
                    : pem("OPENSSH PRIVATE KEY", OpenSSHPrivateKeyUtil.encodePrivateKey(priv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Created(text, "ssh-ed25519 " + base64(blob), ed25519Fingerprint(blob));
    }

    /**
     * Reads an imported public key: OpenSSH's one-line format ({@code ssh-rsa AAAA... comment}),
     * RFC 4716's {@code ---- BEGIN SSH2 PUBLIC KEY ----} or base64 DER, as EC2 accepts them.
     *
     * @throws dev.rolehop.local.wire.AwsException {@code InvalidKey.Format} for anything else
     */
    static Imported parse(byte[] material) {
        String text = new String(material, StandardCharsets.UTF_8).trim();
        AsymmetricKeyParameter key;
        try {
            if (text.startsWith("---- BEGIN SSH2 PUBLIC KEY ----")) {
                key = OpenSSHPublicKeyUtil.parsePublicKey(rfc4716Body(text));
            } else if (text.startsWith("ssh-")) {
                String[] fields = text.split("\\s+");
                if (fields.length < 2) {
                    throw AwsErrorCode.INVALID_KEY_FORMAT.error(NOT_OPENSSH);
                }
                key = OpenSSHPublicKeyUtil.parsePublicKey(Base64.getDecoder().decode(fields[1]));
            } else {
                key = PublicKeyFactory.createKey(Base64.getMimeDecoder().decode(text));
            }
        } catch (IllegalArgumentException | IllegalStateException | IOException | ClassCastException e) {
            throw AwsErrorCode.INVALID_KEY_FORMAT.error(NOT_OPENSSH);
        }
        if (key instanceof RSAKeyParameters rsa && !rsa.isPrivate()) {
            int bits = rsa.getModulus().bitLength();
            if (bits < 1024 || bits > 4096) {
                throw AwsErrorCode.INVALID_KEY_FORMAT.error(
                        "Invalid RSA key length: " + bits + ". Supported key lengths are 1024, 2048, and 4096.");
            }
            byte[] blob = blob(rsa);
            try {
                byte[] der = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(rsa)
                        .getEncoded();
                return new Imported("rsa", "ssh-rsa " + base64(blob), colons(digest("MD5", der)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (key instanceof Ed25519PublicKeyParameters ed) {
            byte[] blob = blob(ed);
            return new Imported("ed25519", "ssh-ed25519 " + base64(blob), ed25519Fingerprint(blob));
        }
        throw AwsErrorCode.INVALID_KEY_FORMAT.error(NOT_OPENSSH);
    }

    /** The base64 body of an RFC 4716 public key, its header lines (and their continuations) left out. */
    private static byte[] rfc4716Body(String text) {
        StringBuilder body = new StringBuilder();
        boolean continued = false;
        for (String line : text.split("\\R")) {
            line = line.trim();
            boolean header = continued || (line.contains(":") && !line.startsWith("----"));
            continued = header && line.endsWith("\\");
            if (!header && !line.startsWith("----")) {
                body.append(line);
            }
        }
        return Base64.getDecoder().decode(body.toString());
    }

    /** The public key's SSH wire-format blob. */
    private static byte[] blob(AsymmetricKeyParameter key) {
        try {
            return OpenSSHPublicKeyUtil.encodePublicKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ed25519Fingerprint(byte[] blob) {
        return Base64.getEncoder().encodeToString(digest("SHA-256", blob));
    }

    private static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().trim();
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JVM", e);
        }
    }

    private static String colons(byte[] digest) {
        return HexFormat.ofDelimiter(":").formatHex(digest).toLowerCase(Locale.ROOT);
    }

    static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }
}
