package dev.rolehop.engine.module;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A deprecation a module reports with its result, as Ansible's {@code module.deprecate(...)}: the
 * callback prints it as a {@code [DEPRECATION WARNING]} line and {@code register} keeps it under
 * {@code deprecations}.
 *
 * @param msg            what is deprecated, without the removal sentence Ansible's display adds
 * @param version        the version that removes it, or {@code null}
 * @param date           the date after which a release removes it ({@code 2024-12-01}), or {@code null};
 *                       when given, it wins over {@code version}, as in Ansible
 * @param collectionName the collection that removes it ({@code amazon.aws}), or {@code null}
 */
public record Deprecation(String msg, String version, String date, String collectionName) {

    public Deprecation {
        Objects.requireNonNull(msg, "msg");
    }

    /** The deprecation as Ansible's {@code deprecate()} records it in a result: a date replaces the version. */
    public Map<String, Object> asDict() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("msg", msg);
        if (date != null) {
            out.put("date", date);
        } else {
            out.put("version", version);
        }
        out.put("collection_name", collectionName);
        return out;
    }
}
