package dev.rolehop.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the AWS SigV4 signing test suite (aws-c-auth v4 cases, ../shared/testdata/sigv4) through
 * the verifier: each signed request must verify with the suite's secret, produce the suite's
 * canonical request, and fail with a changed signature.
 */
class SigV4VerifierTest {

    private static final Path SUITE = Path.of(System.getProperty("rolehop.testdata", "../../shared/testdata"), "sigv4");
    private static final Pattern SECRET = Pattern.compile("\"secret_access_key\":\\s*\"([^\"]+)\"");
    private static final Pattern NORMALIZE = Pattern.compile("\"normalize\":\\s*(true|false)");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(SUITE)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void headerSignedRequestVerifiesAndHasTheSuitesCanonicalRequest(String name) throws IOException {
        Path dir = SUITE.resolve(name);
        SignedRequest request =
                parse(Files.readString(dir.resolve("header-signed-request.txt"), StandardCharsets.UTF_8));
        SigV4Authorization auth = SigV4Verifier.parse(request, Map.of());
        assertThat(SigV4Verifier.verify(request, auth, secret(dir))).isTrue();
        assertThat(SigV4Verifier.canonicalRequest(request, auth, normalize(dir), false))
                .isEqualTo(Files.readString(dir.resolve("header-canonical-request.txt"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void queryPresignedRequestVerifies(String name) throws IOException {
        Path dir = SUITE.resolve(name);
        SignedRequest request =
                parse(Files.readString(dir.resolve("query-signed-request.txt"), StandardCharsets.UTF_8));
        SigV4Authorization auth = SigV4Verifier.parse(request, query(request.rawQuery()));
        assertThat(auth.presigned()).isTrue();
        assertThat(SigV4Verifier.canonicalRequest(request, auth, normalize(dir), omitsToken(dir)))
                .isEqualTo(Files.readString(dir.resolve("query-canonical-request.txt"), StandardCharsets.UTF_8));
        assertThat(SigV4Verifier.verify(request, auth, secret(dir))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aChangedSignatureDoesNotVerify(String name) throws IOException {
        Path dir = SUITE.resolve(name);
        SignedRequest request =
                parse(Files.readString(dir.resolve("header-signed-request.txt"), StandardCharsets.UTF_8));
        SigV4Authorization auth = SigV4Verifier.parse(request, Map.of());
        String sig = auth.signature();
        String changed = (sig.charAt(0) == '0' ? '1' : '0') + sig.substring(1);
        SigV4Authorization tampered = new SigV4Authorization(
                auth.accessKeyId(),
                auth.scopeDate(),
                auth.region(),
                auth.service(),
                auth.signedHeaders(),
                changed,
                auth.amzDate(),
                false,
                auth.securityToken());
        assertThat(SigV4Verifier.verify(request, tampered, secret(dir))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aBodyChangedAfterSigningDoesNotVerifyEvenWithItsDeclaredHash() throws IOException {
        Path dir = SUITE.resolve("post-x-www-form-urlencoded");
        String signed = Files.readString(dir.resolve("header-signed-request.txt"), StandardCharsets.UTF_8);
        SignedRequest request = parse(signed.replace("Param1=value1", "Param1=value2"));
        assertThat(SigV4Verifier.verify(request, SigV4Verifier.parse(request, Map.of()), secret(dir)))
                .isFalse();
    }

    private static String secret(Path dir) throws IOException {
        Matcher m = SECRET.matcher(Files.readString(dir.resolve("context.json")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static boolean omitsToken(Path dir) throws IOException {
        return Files.readString(dir.resolve("context.json")).matches("(?s).*\"omit_session_token\":\\s*true.*");
    }

    private static boolean normalize(Path dir) throws IOException {
        Matcher m = NORMALIZE.matcher(Files.readString(dir.resolve("context.json")));
        return !m.find() || Boolean.parseBoolean(m.group(1));
    }

    /** Parses a suite request: request line, headers (folded continuation lines), blank line, body. */
    static SignedRequest parse(String text) {
        String[] lines = text.split("\n", -1);
        String[] requestLine = lines[0].split(" ");
        String target = lines[0].substring(requestLine[0].length() + 1, lines[0].lastIndexOf(" HTTP/"));
        int q = target.indexOf('?');
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String last = null;
        int i = 1;
        for (; i < lines.length && !lines[i].isEmpty(); i++) {
            String line = lines[i];
            if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                List<String> values = headers.get(last);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            last = line.substring(0, colon);
            headers.computeIfAbsent(last, k -> new ArrayList<>()).add(line.substring(colon + 1));
        }
        StringBuilder body = new StringBuilder();
        for (int b = i + 1; b < lines.length; b++) {
            body.append(b > i + 1 ? "\n" : "").append(lines[b]);
        }
        return new SignedRequest(
                requestLine[0],
                q < 0 ? target : target.substring(0, q),
                q < 0 ? null : target.substring(q + 1),
                headers,
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(
                    SigV4Verifier.percentDecode(pair.substring(0, eq)),
                    SigV4Verifier.percentDecode(pair.substring(eq + 1)));
        }
        return out;
    }
}
