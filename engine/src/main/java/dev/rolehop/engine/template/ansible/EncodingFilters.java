package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Ansible's encoding and digest filters: {@code b64encode}, {@code b64decode}, {@code hash},
 * {@code md5}, {@code sha1}, {@code checksum} and {@code to_uuid}.
 */
final class EncodingFilters {
    /** Ansible's namespace for {@code to_uuid}. */
    private static final UUID ANSIBLE_NAMESPACE = UUID.fromString("361E6D51-FAEC-444A-9079-341386DA8E2E");

    /** hashlib names and the JDK algorithms that compute them. */
    private static final Map<String, String> ALGORITHMS = Map.of(
            "md5",
            "MD5",
            "sha1",
            "SHA-1",
            "sha224",
            "SHA-224",
            "sha256",
            "SHA-256",
            "sha384",
            "SHA-384",
            "sha512",
            "SHA-512",
            "sha3_224",
            "SHA3-224",
            "sha3_256",
            "SHA3-256",
            "sha3_384",
            "SHA3-384",
            "sha3_512",
            "SHA3-512");

    private EncodingFilters() {}

    static List<PluginFilter> all() {
        return List.of(
                new PluginFilter("b64encode", EncodingFilters::b64encode),
                new PluginFilter("b64decode", EncodingFilters::b64decode),
                new PluginFilter("hash", EncodingFilters::hash),
                new PluginFilter("md5", (value, args, interpreter) -> digest("md5", value)),
                new PluginFilter("sha1", (value, args, interpreter) -> digest("sha1", value)),
                new PluginFilter("checksum", (value, args, interpreter) -> digest("sha1", value)),
                new PluginFilter("to_uuid", EncodingFilters::toUuid));
    }

    private static Charset charset(Arguments args) {
        String name = args.text(0, "encoding", "utf-8");
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new AnsibleFilterError("unknown encoding: " + name, "LookupError");
        }
    }

    /** {@code b64encode(encoding='utf-8')}. */
    private static Object b64encode(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("encoding");
        return Base64.getEncoder().encodeToString(PythonRepr.str(value).getBytes(charset(args)));
    }

    /** {@code b64decode(encoding='utf-8')}: strict decoding, as Python's to_text would fail. */
    private static Object b64decode(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("encoding");
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(PythonRepr.str(value));
        } catch (IllegalArgumentException e) {
            throw new AnsibleFilterError("Incorrect padding", "binascii.Error");
        }
        Charset charset = charset(args);
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AnsibleFilterError(
                    "'" + charset.name().toLowerCase(Locale.ROOT) + "' codec can't decode the value",
                    "UnicodeDecodeError");
        }
    }

    /** {@code hash(hashtype='sha1')} with hashlib's algorithm names. */
    private static Object hash(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("hashtype");
        return digest(args.text(0, "hashtype", "sha1"), value);
    }

    private static String digest(String hashtype, Object value) {
        String algorithm = ALGORITHMS.get(hashtype.toLowerCase(Locale.ROOT));
        if (algorithm == null) {
            throw new AnsibleFilterError("unsupported hash type " + hashtype);
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm)
                    .digest(PythonRepr.str(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new AnsibleFilterError("unsupported hash type " + hashtype);
        }
    }

    /** {@code to_uuid(namespace=ANSIBLE_NAMESPACE)}: a name-based (version 5) UUID. */
    private static Object toUuid(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("namespace");
        Object namespaceArg = args.get(0, "namespace", null);
        UUID namespace = ANSIBLE_NAMESPACE;
        if (namespaceArg != null) {
            try {
                namespace = UUID.fromString(PythonRepr.str(namespaceArg));
            } catch (IllegalArgumentException e) {
                throw new AnsibleFilterError("Invalid value '" + PythonRepr.str(namespaceArg)
                        + "' for 'namespace': badly formed hexadecimal UUID string");
            }
        }
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits())
                    .array());
            byte[] hash = sha1.digest(PythonRepr.str(value).getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bits.getLong(), bits.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-1", e);
        }
    }
}
