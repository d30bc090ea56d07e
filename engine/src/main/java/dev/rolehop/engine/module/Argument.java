package dev.rolehop.engine.module;

import java.util.List;
import java.util.Objects;

/**
 * One argument a module accepts, as Ansible's {@code argument_spec} declares it.
 *
 * @param name       the canonical name
 * @param type       the type values are converted to
 * @param required   whether the task must give it
 * @param defaultValue the value used when it is not given, or {@code null}
 * @param aliases    other names it may be given by
 * @param choices    the allowed values, or empty for any
 * @param noLog      whether its value is a secret that output must never show
 * @param elements   the element type when {@code type} is {@link ArgumentType#LIST}
 * @param deprecatedAliases the aliases (among {@code aliases}) that are deprecated, as Ansible's
 *                   {@code deprecated_aliases}
 */
public record Argument(
        String name,
        ArgumentType type,
        boolean required,
        Object defaultValue,
        List<String> aliases,
        List<Object> choices,
        boolean noLog,
        ArgumentType elements,
        List<DeprecatedAlias> deprecatedAliases) {

    public Argument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        aliases = List.copyOf(aliases);
        choices = List.copyOf(choices);
        deprecatedAliases = List.copyOf(deprecatedAliases);
        for (DeprecatedAlias deprecated : deprecatedAliases) {
            if (!aliases.contains(deprecated.name())) {
                throw new IllegalArgumentException("argument '" + name + "': deprecated alias '" + deprecated.name()
                        + "' is not one of its aliases " + aliases);
            }
        }
    }

    /** An optional argument of the given type with no default, alias or choices. */
    public static Argument of(String name, ArgumentType type) {
        return new Argument(name, type, false, null, List.of(), List.of(), false, null, List.of());
    }

    public Argument asRequired() {
        return new Argument(name, type, true, defaultValue, aliases, choices, noLog, elements, deprecatedAliases);
    }

    public Argument withDefault(Object value) {
        return new Argument(name, type, required, value, aliases, choices, noLog, elements, deprecatedAliases);
    }

    public Argument withAliases(String... names) {
        return new Argument(
                name, type, required, defaultValue, List.of(names), choices, noLog, elements, deprecatedAliases);
    }

    public Argument withChoices(Object... values) {
        return new Argument(
                name, type, required, defaultValue, aliases, List.of(values), noLog, elements, deprecatedAliases);
    }

    public Argument secret() {
        return new Argument(name, type, required, defaultValue, aliases, choices, true, elements, deprecatedAliases);
    }

    public Argument withElements(ArgumentType elementType) {
        return new Argument(
                name, type, required, defaultValue, aliases, choices, noLog, elementType, deprecatedAliases);
    }

    /** This argument with some of its aliases deprecated (each must already be an alias). */
    public Argument withDeprecatedAliases(DeprecatedAlias... deprecated) {
        return new Argument(name, type, required, defaultValue, aliases, choices, noLog, elements, List.of(deprecated));
    }
}
