package dev.rolehop.local.ec2;

import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * EC2's pagination: {@code MaxResults} (5-1000 where EC2 bounds it) and an opaque {@code NextToken}
 * answered as {@code nextToken} while items remain. A token is the offset of the next item.
 */
final class Pages {

    /** One page of items and the token of the next page (null on the last). */
    record Page<T>(List<T> items, String nextToken) {}

    private static final String PREFIX = "rolehop-page:";

    private Pages() {}

    /** Whether the request asks for pages (then EC2 refuses ids lists beside it). */
    static boolean requested(QueryParams params) {
        return params.get("MaxResults").isPresent();
    }

    /** The page a request asks for, with {@code MaxResults} between min and max. */
    static <T> Page<T> of(QueryParams params, List<T> items, int min, int max) {
        int start = params.get("NextToken").map(Pages::offset).orElse(0);
        Optional<String> given = params.get("MaxResults");
        if (given.isEmpty()) {
            return new Page<>(items.subList(Math.min(start, items.size()), items.size()), null);
        }
        int size;
        try {
            size = Integer.parseInt(given.get());
        } catch (NumberFormatException e) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Invalid value '" + given.get() + "' for maxResults. It must be an integer.");
        }
        if (size < min || size > max) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Value ( " + size
                    + " ) for parameter maxResults is invalid. Expecting a value between " + min + " and " + max
                    + ".");
        }
        int from = Math.min(start, items.size());
        int to = Math.min(items.size(), from + size);
        return new Page<>(items.subList(from, to), to < items.size() ? token(to) : null);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // Not base64 or not a number: the same answer as a token of another shape.
        }
        throw AwsErrorCode.INVALID_PAGINATION_TOKEN.error();
    }
}
