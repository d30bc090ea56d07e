package dev.rolehop.engine.module;

import java.util.List;
import java.util.Objects;

/**
 * One of Ansible's {@code required_if} rules: when argument {@code name} has {@code value} (its
 * default counts), every argument of {@code requirements} must be given.
 *
 * @param name         the argument whose value triggers the rule
 * @param value        the triggering value, compared as Python's {@code ==}
 * @param requirements the arguments then required
 */
public record RequiredIf(String name, Object value, List<String> requirements) {

    public RequiredIf {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        requirements = List.copyOf(requirements);
    }
}
