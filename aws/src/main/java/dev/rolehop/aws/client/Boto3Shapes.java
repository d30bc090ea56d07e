package dev.rolehop.aws.client;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Turns SDK v2 model objects into the plain maps boto3 returns for the same response: keys are
 * the service model's member names ({@code GroupId}), members the response did not carry are
 * left out, and timestamps become the ISO-8601 text Ansible prints for a Python datetime.
 */
public final class Boto3Shapes {

    private static final DateTimeFormatter PYTHON_ISOFORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private Boto3Shapes() {}

    /** The boto3 dict of a model object, with CamelCase keys. */
    public static Map<String, Object> of(SdkPojo pojo) {
        Map<String, Object> dict = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null
                    || value instanceof SdkAutoConstructList<?>
                    || value instanceof SdkAutoConstructMap<?, ?>) {
                continue;
            }
            dict.put(field.memberName(), plain(value));
        }
        return dict;
    }

    /**
     * The boto3 dict of a model object limited to the given members: those the botocore of the
     * reference platform (Debian 12, 1.29) knows, so members AWS added later (which the SDK parses
     * and botocore drops) are left out as amazon.aws leaves them out.
     */
    public static Map<String, Object> of(SdkPojo pojo, java.util.Collection<String> members) {
        Map<String, Object> dict = of(pojo);
        dict.keySet().retainAll(members);
        return dict;
    }

    /** The boto3 dict of a model object, with Ansible's snake_case keys except below {@code ignore}. */
    public static Map<String, Object> snake(SdkPojo pojo, String... ignore) {
        return SnakeCase.dict(of(pojo), List.of(ignore));
    }

    /** A Python {@code datetime.isoformat()} of a UTC instant: {@code 2026-01-02T03:04:05+00:00}. */
    public static String isoformat(Instant instant) {
        var time = instant.atOffset(ZoneOffset.UTC);
        String micros = time.getNano() / 1000 == 0 ? "" : String.format(".%06d", time.getNano() / 1000);
        return PYTHON_ISOFORMAT.format(time) + micros + "+00:00";
    }

    private static Object plain(Object value) {
        if (value instanceof SdkPojo pojo) {
            return of(pojo);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(plain(item)));
            return items;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> items = new LinkedHashMap<>();
            map.forEach((k, v) -> items.put(String.valueOf(k), plain(v)));
            return items;
        }
        if (value instanceof Instant instant) {
            return isoformat(instant);
        }
        if (value instanceof SdkBytes bytes) {
            return bytes.asUtf8String();
        }
        return value;
    }
}
