package dev.rolehop.engine.module;

import java.util.Objects;

/**
 * An alias of an argument that is deprecated, as an entry of Ansible's {@code deprecated_aliases}:
 * a task that uses it gets Ansible's "Alias 'NAME' is deprecated" deprecation.
 *
 * @param name           the alias
 * @param version        the version that removes it, or {@code null}
 * @param date           the date after which a release removes it, or {@code null}
 * @param collectionName the collection that removes it, or {@code null}
 */
public record DeprecatedAlias(String name, String version, String date, String collectionName) {

    public DeprecatedAlias {
        Objects.requireNonNull(name, "name");
    }

    /** An alias a release of {@code collection} after {@code date} removes. */
    public static DeprecatedAlias byDate(String name, String date, String collection) {
        return new DeprecatedAlias(name, null, date, collection);
    }

    /** The deprecation a task that uses the alias gets, worded as Ansible's argument spec validator words it. */
    public Deprecation deprecation() {
        return new Deprecation(
                "Alias '" + name + "' is deprecated. See the module docs for more information",
                version,
                date,
                collectionName);
    }
}
