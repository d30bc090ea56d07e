package dev.rolehop.local.ec2;

import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * EC2's {@code MaxResults}/{@code NextToken} pagination over an answer's items: MaxResults 5 to
 * 1000 (without it, everything at once), the token an opaque handle on the next item.
 */
final class Pages {

    static final int MIN = 5;
    static final int MAX = 1000;

    /** One page and the token of the next, null on the last page. */
    record Page<T>(List<T> items, String nextToken) {}

    private Pages() {}

    /** The page of {@code all} a request asks for. */
    static <T> Page<T> of(QueryParams params, List<T> all) {
        int start = params.get("NextToken").map(Pages::offset).orElse(0);
        if (start > all.size()) {
            throw invalidToken();
        }
        if (params.get("MaxResults").isEmpty()) {
            return new Page<>(all.subList(start, all.size()), null);
        }
        String text = params.get("MaxResults").orElseThrow();
        int max;
        try {
            max = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw Ec2Errors.invalidValue(text, "maxResults", "Expecting an integer.");
        }
        if (max < MIN) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Value ( " + max
                    + " ) for parameter maxResults is invalid. Expecting a value greater than " + MIN + ".");
        }
        if (max > MAX) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Value ( " + max
                    + " ) for parameter maxResults is invalid. Expecting a value less than " + MAX + ".");
        }
        int end = Math.min(all.size(), start + max);
        return new Page<>(all.subList(start, end), end < all.size() ? token(end) : null);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("o:")) {
                int offset = Integer.parseInt(text.substring(2));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // Not a token of ours: answered below.
        }
        throw invalidToken();
    }

    private static RuntimeException invalidToken() {
        return AwsErrorCode.INVALID_PAGINATION_TOKEN.error("The specified pagination token is not valid.");
    }
}
