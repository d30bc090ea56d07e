package dev.rolehop.local.auth;

import dev.rolehop.local.wire.AwsErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 (header and presigned-query forms) as AWS services do.
 *
 * <p>Written by hand: no maintained Java library verifies (rather than creates) SigV4.
 * The canonical request follows the SigV4 specification: path normalized (and, for a
 * path that differs when normalized, the unnormalized form accepted too, as S3-style signers
 * send it), query parameters sorted by encoded name then value, signed headers lower-cased,
 * trimmed, folded and comma-joined, payload hashed unless {@code x-amz-content-sha256} says.
 */
public final class SigV4Verifier {

    /** The only algorithm AWS accepts for SigV4. */
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private static final Pattern HEADER_AUTH = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})\\s*");
    private static final HexFormat HEX = HexFormat.of();

    private SigV4Verifier() {}

    /**
     * Reads the SigV4 fields of a request.
     *
     * @throws dev.rolehop.local.wire.AwsException {@code MissingAuthenticationToken} when the
     *         request is unsigned, {@code IncompleteSignature} when the fields are malformed
     */
    public static SigV4Authorization parse(SignedRequest request, Map<String, String> query) {
        String header = request.header("authorization");
        if (header != null) {
            Matcher m = HEADER_AUTH.matcher(header);
            if (!m.matches()) {
                throw AwsErrorCode.INCOMPLETE_SIGNATURE.error("Authorization header requires 'Credential', "
                        + "'SignedHeaders' and 'Signature' parameters with algorithm " + ALGORITHM + ".");
            }
            String amzDate = request.header("x-amz-date");
            if (amzDate == null) {
                throw AwsErrorCode.INCOMPLETE_SIGNATURE.error(
                        "Authorization header requires existence of " + "either a 'X-Amz-Date' or a 'Date' header.");
            }
            return build(m.group(1), m.group(2), m.group(3), amzDate, false, request.header("x-amz-security-token"));
        }
        if (query.containsKey("X-Amz-Algorithm")) {
            if (!ALGORITHM.equals(query.get("X-Amz-Algorithm"))
                    || query.get("X-Amz-Credential") == null
                    || query.get("X-Amz-SignedHeaders") == null
                    || query.get("X-Amz-Signature") == null
                    || query.get("X-Amz-Date") == null) {
                throw AwsErrorCode.INCOMPLETE_SIGNATURE.error("AWS query-string parameters must include "
                        + "'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', "
                        + "'X-Amz-SignedHeaders', 'X-Amz-Expires'.");
            }
            return build(
                    query.get("X-Amz-Credential"),
                    query.get("X-Amz-SignedHeaders"),
                    query.get("X-Amz-Signature"),
                    query.get("X-Amz-Date"),
                    true,
                    query.get("X-Amz-Security-Token"));
        }
        throw AwsErrorCode.MISSING_AUTHENTICATION_TOKEN.error();
    }

    private static SigV4Authorization build(
            String credential,
            String signedHeaders,
            String signature,
            String amzDate,
            boolean presigned,
            String token) {
        String[] parts = credential.split("/");
        if (parts.length != 5
                || !"aws4_request".equals(parts[4])
                || !parts[1].matches("\\d{8}")
                || !amzDate.matches("\\d{8}T\\d{6}Z")) {
            throw AwsErrorCode.INCOMPLETE_SIGNATURE.error("Credential should be scoped to a valid date, "
                    + "region and service: 'ACCESS_KEY/yyyyMMdd/REGION/SERVICE/aws4_request'.");
        }
        if (!amzDate.startsWith(parts[1])) {
            throw AwsErrorCode.SIGNATURE_DOES_NOT_MATCH.error("Date in Credential scope does not match "
                    + "YYYYMMDD from ISO-8601 version of date from HTTP: '" + parts[1] + "' != '"
                    + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
        return new SigV4Authorization(
                parts[0],
                parts[1],
                parts[2],
                parts[3],
                List.of(signedHeaders.split(";")),
                signature,
                amzDate,
                presigned,
                token);
    }

    /**
     * Whether the request's signature is the one {@code secret} produces. Accepts the variants
     * signers produce: normalized or raw path, and for presigned requests a session token
     * added after signing (as STS-style "token after" signers do).
     */
    public static boolean verify(SignedRequest request, SigV4Authorization auth, String secret) {
        byte[] given = auth.signature().getBytes(StandardCharsets.US_ASCII);
        boolean tokenInQuery = auth.presigned() && auth.securityToken() != null;
        for (boolean normalize : new boolean[] {true, false}) {
            for (boolean omitToken : tokenInQuery ? new boolean[] {false, true} : new boolean[] {false}) {
                String expected = signature(secret, auth, canonicalRequest(request, auth, normalize, omitToken));
                if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The signature of a canonical request with a secret, as lower-case hex. */
    public static String signature(String secret, SigV4Authorization auth, String canonicalRequest) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.scopeDate());
        key = hmac(key, auth.region());
        key = hmac(key, auth.service());
        key = hmac(key, "aws4_request");
        return HEX.formatHex(hmac(key, stringToSign(auth, canonicalRequest)));
    }

    /** The SigV4 string to sign. */
    public static String stringToSign(SigV4Authorization auth, String canonicalRequest) {
        return ALGORITHM + "\n" + auth.amzDate() + "\n" + auth.scope() + "\n"
                + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The SigV4 canonical request of a received request.
     *
     * @param omitSessionToken leave {@code X-Amz-Security-Token} out of a presigned query
     */
    public static String canonicalRequest(
            SignedRequest request, SigV4Authorization auth, boolean normalizePath, boolean omitSessionToken) {
        StringBuilder out = new StringBuilder();
        out.append(request.method()).append('\n');
        out.append(canonicalPath(request.rawPath(), normalizePath)).append('\n');
        out.append(canonicalQuery(request.rawQuery(), auth.presigned(), omitSessionToken))
                .append('\n');
        for (String name : auth.signedHeaders()) {
            out.append(name)
                    .append(':')
                    .append(canonicalHeaderValue(request.headers().get(name)))
                    .append('\n');
        }
        out.append('\n').append(String.join(";", auth.signedHeaders())).append('\n');
        // A declared x-amz-content-sha256 is signed as declared only when the body matches it (or it
        // says UNSIGNED-PAYLOAD); a body changed in transit then fails the signature check.
        String actual = HEX.formatHex(sha256(request.body()));
        String declared = request.header("x-amz-content-sha256");
        boolean honest = declared != null && (declared.equals(actual) || declared.equals("UNSIGNED-PAYLOAD"));
        out.append(honest ? declared : actual);
        return out.toString();
    }

    private static String canonicalHeaderValue(List<String> values) {
        if (values == null) {
            return "";
        }
        List<String> trimmed = new ArrayList<>();
        for (String v : values) {
            trimmed.add(v.trim().replaceAll("\\s+", " "));
        }
        return String.join(",", trimmed);
    }

    static String canonicalPath(String rawPath, boolean normalize) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
        if (normalize) {
            Deque<String> kept = new ArrayDeque<>();
            for (String s : segments) {
                if (s.isEmpty() || s.equals(".")) {
                    continue;
                }
                if (s.equals("..")) {
                    kept.pollLast();
                } else {
                    kept.addLast(s);
                }
            }
            boolean trailing = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
            String joined = "/" + String.join("/", kept);
            path = trailing && !kept.isEmpty() ? joined + "/" : joined;
            segments = new ArrayList<>(List.of(path.split("/", -1)));
        }
        List<String> encoded = new ArrayList<>();
        for (String s : segments) {
            encoded.add(encode(s));
        }
        return String.join("/", encoded);
    }

    private static String canonicalQuery(String rawQuery, boolean presigned, boolean omitToken) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = encode(percentDecode(eq < 0 ? pair : pair.substring(0, eq)));
            String value = eq < 0 ? "" : encode(percentDecode(pair.substring(eq + 1)));
            if (presigned && (name.equals("X-Amz-Signature") || (omitToken && name.equals("X-Amz-Security-Token")))) {
                continue;
            }
            pairs.add(new String[] {name, value});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> out = new ArrayList<>();
        for (String[] p : pairs) {
            out.add(p[0] + "=" + p[1]);
        }
        return String.join("&", out);
    }

    /** Percent-decodes text; unlike form decoding, '+' stays '+'. */
    static String percentDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    /** SigV4 URI encoding: every byte but A-Z a-z 0-9 - _ . ~ as %XX (upper-case hex). */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** SHA-256 of bytes. */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
