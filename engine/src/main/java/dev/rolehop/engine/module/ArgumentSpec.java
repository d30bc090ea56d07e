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
 */
public record ArgumentSpec(
        List<Argument> arguments,
        List<List<String>> mutuallyExclusive,
        List<List<String>> requiredTogether,
        List<List<String>> requiredOneOf,
        boolean freeForm) {

    public ArgumentSpec {
        arguments = List.copyOf(arguments);
        mutuallyExclusive = List.copyOf(mutuallyExclusive);
        requiredTogether = List.copyOf(requiredTogether);
        requiredOneOf = List.copyOf(requiredOneOf);
    }

    /** A spec of plain arguments with no constraints between them. */
    public static ArgumentSpec of(Argument... arguments) {
        return new ArgumentSpec(List.of(arguments), List.of(), List.of(), List.of(), false);
    }

    public ArgumentSpec mutuallyExclusive(String... names) {
        return new ArgumentSpec(
                arguments, append(mutuallyExclusive, List.of(names)), requiredTogether, requiredOneOf, freeForm);
    }

    public ArgumentSpec requiredTogether(String... names) {
        return new ArgumentSpec(
                arguments, mutuallyExclusive, append(requiredTogether, List.of(names)), requiredOneOf, freeForm);
    }

    public ArgumentSpec requiredOneOf(String... names) {
        return new ArgumentSpec(
                arguments, mutuallyExclusive, requiredTogether, append(requiredOneOf, List.of(names)), freeForm);
    }

    public ArgumentSpec withFreeForm() {
        return new ArgumentSpec(arguments, mutuallyExclusive, requiredTogether, requiredOneOf, true);
    }

    private static List<List<String>> append(List<List<String>> groups, List<String> group) {
        var copy = new java.util.ArrayList<>(groups);
        copy.add(group);
        return copy;
    }
}
