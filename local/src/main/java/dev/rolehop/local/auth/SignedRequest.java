package dev.rolehop.local.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as received, the input of signature checking.
 *
 * @param rawPath the path as on the wire (percent-encoded)
 * @param rawQuery the query string as on the wire, or null
 * @param headers header values by lower-case name, in arrival order
 */
public record SignedRequest(
        String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public SignedRequest {
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new java.util.ArrayList<>())
                .addAll(v));
        headers = java.util.Collections.unmodifiableMap(lower);
        body = body.clone();
    }

    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        // Header names only: Authorization and X-Amz-Security-Token hold credentials.
        return "SignedRequest[" + method + " " + rawPath + ", headers=" + headers.keySet() + "]";
    }
}
