package dev.rolehop.local.ec2;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes an unencrypted private key in PuTTY's {@code .ppk} format, version 2 (what EC2 answers
 * for {@code KeyFormat=ppk}): public and private blobs in SSH wire format, base64 in 64-character
 * lines, and the HMAC-SHA1 over both keyed with SHA-1 of "putty-private-key-file-mac-key".
 */
final class PuttyKey {

    private PuttyKey() {}

    static String rsa(byte[] publicBlob, RSAPrivateCrtKey key, String comment) {
        ByteArrayOutputStream priv = new ByteArrayOutputStream();
        mpint(priv, key.getPrivateExponent());
        mpint(priv, key.getPrimeP());
        mpint(priv, key.getPrimeQ());
        mpint(priv, key.getCrtCoefficient());
        return file("ssh-rsa", publicBlob, priv.toByteArray(), comment);
    }

    static String ed25519(byte[] publicBlob, byte[] privateKey, String comment) {
        ByteArrayOutputStream priv = new ByteArrayOutputStream();
        string(priv, privateKey);
        return file("ssh-ed25519", publicBlob, priv.toByteArray(), comment);
    }

    private static String file(String algorithm, byte[] publicBlob, byte[] privateBlob, String comment) {
        ByteArrayOutputStream macked = new ByteArrayOutputStream();
        string(macked, algorithm.getBytes(StandardCharsets.UTF_8));
        string(macked, "none".getBytes(StandardCharsets.UTF_8));
        string(macked, comment.getBytes(StandardCharsets.UTF_8));
        string(macked, publicBlob);
        string(macked, privateBlob);
        String mac;
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            byte[] key =
                    KeyMaterial.digest("SHA-1", "putty-private-key-file-mac-key".getBytes(StandardCharsets.US_ASCII));
            hmac.init(new SecretKeySpec(key, "HmacSHA1"));
            mac = HexFormat.of().formatHex(hmac.doFinal(macked.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JVM", e);
        }
        StringBuilder out = new StringBuilder()
                .append("PuTTY-User-Key-File-2: ")
                .append(algorithm)
                .append('\n')
                .append("Encryption: none\n")
                .append("Comment: ")
                .append(comment)
                .append('\n');
        lines(out, "Public-Lines", publicBlob);
        lines(out, "Private-Lines", privateBlob);
        return out.append("Private-MAC: ").append(mac).toString();
    }

    private static void lines(StringBuilder out, String header, byte[] blob) {
        String text = KeyMaterial.base64(blob);
        int count = (text.length() + 63) / 64;
        out.append(header).append(": ").append(count).append('\n');
        for (int i = 0; i < text.length(); i += 64) {
            out.append(text, i, Math.min(text.length(), i + 64)).append('\n');
        }
    }

    private static void mpint(ByteArrayOutputStream out, BigInteger n) {
        string(out, n.signum() == 0 ? new byte[0] : n.toByteArray());
    }

    private static void string(ByteArrayOutputStream out, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(data);
    }
}
