package dev.rolehop.engine.module;

import java.util.List;

/**
 * The arguments a module accepts and the constraints between them, as Ansible declares them.
 *
 * @param arguments        every accepted argument
 * @param mutuallyExclusive groups of argument names of which at most one may be given
 * @param requiredTogether groups of argument names that must be given all or none
 * @param requiredOneOf    groups of argument names of which at least one must be given
 * @param freeForm         whether the module takes a free-form string ({@code command: ls -l}),
 *                         passed as the argument {@code _raw_params}
 * @param requiredIf       arguments required when another has a given value ({@code required_if})
 */
public record ArgumentSpec(
        List<Argument> arguments,
        List<List<String>> mutuallyExclusive,
        List<List<String>> requiredTogether,
        List<List<String>> requiredOneOf,
        boolean freeForm,
        List<RequiredIf> requiredIf) {

    public ArgumentSpec {
        arguments = List.copyOf(arguments);
        mutuallyExclusive = List.copyOf(mutuallyExclusive);
        requiredTogether = List.copyOf(requiredTogether);
        requiredOneOf = List.copyOf(requiredOneOf);
        requiredIf = List.copyOf(requiredIf);
    }

    /** A spec of plain arguments with no constraints between them. */
    public static ArgumentSpec of(Argument... arguments) {
        return new ArgumentSpec(List.of(arguments), List.of(), List.of(), List.of(), false, List.of());
    }

    public ArgumentSpec mutuallyExclusive(String... names) {
        return new ArgumentSpec(
                arguments,
                append(mutuallyExclusive, List.of(names)),
                requiredTogether,
                requiredOneOf,
                freeForm,
                requiredIf);
    }

    public ArgumentSpec requiredTogether(String... names) {
        return new ArgumentSpec(
                arguments,
                mutuallyExclusive,
                append(requiredTogether, List.of(names)),
                requiredOneOf,
                freeForm,
                requiredIf);
    }

    public ArgumentSpec requiredOneOf(String... names) {
        return new ArgumentSpec(
                arguments,
                mutuallyExclusive,
                requiredTogether,
                append(requiredOneOf, List.of(names)),
                freeForm,
                requiredIf);
    }

    public ArgumentSpec withFreeForm() {
        return new ArgumentSpec(arguments, mutuallyExclusive, requiredTogether, requiredOneOf, true, requiredIf);
    }

    /** This spec with the rule that {@code requirements} are given when {@code name} is {@code value}. */
    public ArgumentSpec requiredIf(String name, Object value, String... requirements) {
        var rules = new java.util.ArrayList<>(requiredIf);
        rules.add(new RequiredIf(name, value, List.of(requirements)));
        return new ArgumentSpec(arguments, mutuallyExclusive, requiredTogether, requiredOneOf, freeForm, rules);
    }

    /** This spec's constraints over other arguments (a module's own extended with common ones). */
    public ArgumentSpec withArguments(List<Argument> others) {
        return new ArgumentSpec(others, mutuallyExclusive, requiredTogether, requiredOneOf, freeForm, requiredIf);
    }

    private static List<List<String>> append(List<List<String>> groups, List<String> group) {
        var copy = new java.util.ArrayList<>(groups);
        copy.add(group);
        return copy;
    }
}
