package dev.rolehop.engine.module;

import java.util.List;

/**
 * The arguments a module accepts and the constraints between them, as Ansible declares them.
 *
 * @param arguments        every accepted argument
 * @param mutuallyExclusive groups of argument names of which at most one may be given
 * @param requiredTogether groups of argument names that must be given all or none
 * @param requiredOneOf    groups of argument names of which at least one must be given
 * @param requiredIf       arguments that must be given when another has a value
 * @param freeForm         whether the module takes a free-form string ({@code command: ls -l}),
 *                         passed as the argument {@code _raw_params}
 */
public record ArgumentSpec(
        List<Argument> arguments,
        List<List<String>> mutuallyExclusive,
        List<List<String>> requiredTogether,
        List<List<String>> requiredOneOf,
        List<RequiredIf> requiredIf,
        boolean freeForm) {

    public ArgumentSpec {
        arguments = List.copyOf(arguments);
        mutuallyExclusive = List.copyOf(mutuallyExclusive);
        requiredTogether = List.copyOf(requiredTogether);
        requiredOneOf = List.copyOf(requiredOneOf);
        requiredIf = List.copyOf(requiredIf);
    }

    /**
     * Ansible's {@code required_if} entry {@code [name, value, [requirements]]}: when {@code name}
     * has {@code value} (its default included), every requirement must be given.
     */
    public record RequiredIf(String name, Object value, List<String> requirements) {

        public RequiredIf {
            requirements = List.copyOf(requirements);
        }
    }

    /** A spec of plain arguments with no constraints between them. */
    public static ArgumentSpec of(Argument... arguments) {
        return new ArgumentSpec(List.of(arguments), List.of(), List.of(), List.of(), List.of(), false);
    }

    public ArgumentSpec mutuallyExclusive(String... names) {
        return new ArgumentSpec(
                arguments,
                append(mutuallyExclusive, List.of(names)),
                requiredTogether,
                requiredOneOf,
                requiredIf,
                freeForm);
    }

    public ArgumentSpec requiredTogether(String... names) {
        return new ArgumentSpec(
                arguments,
                mutuallyExclusive,
                append(requiredTogether, List.of(names)),
                requiredOneOf,
                requiredIf,
                freeForm);
    }

    public ArgumentSpec requiredOneOf(String... names) {
        return new ArgumentSpec(
                arguments,
                mutuallyExclusive,
                requiredTogether,
                append(requiredOneOf, List.of(names)),
                requiredIf,
                freeForm);
    }

    /** Adds a {@code required_if} entry: when {@code name} is {@code value}, all of {@code requirements} must be given. */
    public ArgumentSpec requiredIf(String name, Object value, String... requirements) {
        var more = new java.util.ArrayList<>(requiredIf);
        more.add(new RequiredIf(name, value, List.of(requirements)));
        return new ArgumentSpec(arguments, mutuallyExclusive, requiredTogether, requiredOneOf, more, freeForm);
    }

    /** The same constraints over other arguments (a module's own spec extended with common ones). */
    public ArgumentSpec withArguments(List<Argument> others) {
        return new ArgumentSpec(others, mutuallyExclusive, requiredTogether, requiredOneOf, requiredIf, freeForm);
    }

    public ArgumentSpec withFreeForm() {
        return new ArgumentSpec(arguments, mutuallyExclusive, requiredTogether, requiredOneOf, requiredIf, true);
    }

    private static List<List<String>> append(List<List<String>> groups, List<String> group) {
        var copy = new java.util.ArrayList<>(groups);
        copy.add(group);
        return copy;
    }
}
