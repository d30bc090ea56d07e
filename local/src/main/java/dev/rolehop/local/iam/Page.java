package dev.rolehop.local.iam;

import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.Validation;
import dev.rolehop.local.wire.XmlWriter;
import java.util.List;

/**
 * One page of an IAM list: {@code MaxItems} (1-1000, 100 by default) items from the
 * {@code Marker} on; the marker handed out is the position of the next item.
 *
 * @param marker the marker of the next page, or null on the last one
 */
record Page<T>(List<T> items, String marker) {

    /** The page a list call asks for. */
    static <T> Page<T> of(List<T> all, QueryParams params) {
        int max = Validation.integer(params, "MaxItems", 1, 1000, 100);
        int from = params.get("Marker").map(Page::position).orElse(0);
        int to = Math.min(all.size(), from + max);
        return new Page<>(
                from >= all.size() ? List.of() : all.subList(from, to), to < all.size() ? String.valueOf(to) : null);
    }

    private static int position(String marker) {
        try {
            return Math.max(0, Integer.parseInt(marker));
        } catch (NumberFormatException e) {
            throw AwsErrorCode.VALIDATION_ERROR.error("Invalid Marker: " + marker);
        }
    }

    /** Writes {@code IsTruncated} and, when there is a next page, {@code Marker}. */
    void close(XmlWriter xml) {
        xml.element("IsTruncated", marker != null).element("Marker", marker);
    }
}
