package dev.rolehop.engine.executor;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.DeprecatedAlias;
import dev.rolehop.engine.module.Deprecation;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.template.PythonText;
import dev.rolehop.python.Booleans;
import dev.rolehop.python.PythonRepr;
import dev.rolehop.python.PythonTypeError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks and converts a task's templated arguments against a module's {@link ArgumentSpec} as
 * Ansible's {@code ArgumentSpecValidator} does, with its messages.
 */
final class ArgumentValidator {

    private ArgumentValidator() {}

    /** The arguments keyed by canonical name, converted, with defaults filled in. */
    static Map<String, Object> validate(String module, ArgumentSpec spec, Map<String, Object> given, boolean anyKeys) {
        if (anyKeys) {
            return new LinkedHashMap<>(given);
        }
        Map<String, Argument> byName = new LinkedHashMap<>();
        for (Argument argument : spec.arguments()) {
            byName.put(argument.name(), argument);
            argument.aliases().forEach(alias -> byName.put(alias, argument));
        }
        List<String> unsupported = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            Argument argument = byName.get(entry.getKey());
            if (argument == null) {
                unsupported.add(entry.getKey());
                continue;
            }
            out.put(argument.name(), entry.getValue() == null ? null : convert(argument, entry.getValue()));
        }
        if (!unsupported.isEmpty()) {
            throw new ModuleFailure("Unsupported parameters for (" + module + ") module: "
                    + String.join(", ", new TreeSet<>(unsupported)) + ". Supported parameters include: "
                    + String.join(", ", new TreeSet<>(byName.keySet())) + ".");
        }
        for (List<String> group : spec.mutuallyExclusive()) {
            List<String> present =
                    group.stream().filter(n -> out.get(n) != null).toList();
            if (present.size() > 1) {
                throw new ModuleFailure("parameters are mutually exclusive: " + String.join("|", group));
            }
        }
        List<String> missing = new ArrayList<>();
        for (Argument argument : spec.arguments()) {
            if (argument.required() && out.get(argument.name()) == null) {
                missing.add(argument.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new ModuleFailure("missing required arguments: " + String.join(", ", missing));
        }
        for (List<String> group : spec.requiredOneOf()) {
            if (group.stream().noneMatch(n -> out.get(n) != null)) {
                throw new ModuleFailure("one of the following is required: " + String.join(", ", group));
            }
        }
        for (List<String> group : spec.requiredTogether()) {
            long present = group.stream().filter(n -> out.get(n) != null).count();
            if (present > 0 && present < group.size()) {
                throw new ModuleFailure("parameters are required together: " + String.join(", ", group));
            }
        }
        for (Argument argument : spec.arguments()) {
            if (out.get(argument.name()) == null && argument.defaultValue() != null) {
                out.put(argument.name(), argument.defaultValue());
            }
            Object value = out.get(argument.name());
            if (value != null && !argument.choices().isEmpty() && !choiceMatches(argument, value)) {
                throw new ModuleFailure("value of " + argument.name() + " must be one of: "
                        + String.join(
                                ", ",
                                argument.choices().stream().map(PythonText::str).toList()) + ", got: "
                        + PythonText.str(value));
            }
        }
        for (ArgumentSpec.RequiredIf rule : spec.requiredIf()) {
            // Ansible counts a requirement given even as null (the key is in the parameters).
            List<String> absent = rule.requirements().stream()
                    .filter(n -> !out.containsKey(n))
                    .toList();
            if (rule.value().equals(out.get(rule.name())) && !absent.isEmpty()) {
                throw new ModuleFailure(rule.name() + " is " + PythonText.str(rule.value())
                        + " but all of the following are missing: " + String.join(", ", absent));
            }
        }
        return out;
    }

    /**
     * The deprecations a task's arguments earn, as Ansible's validator lists them: one per
     * deprecated alias used, in the order of the spec.
     */
    static List<Deprecation> deprecations(ArgumentSpec spec, Map<String, Object> given) {
        List<Deprecation> out = new ArrayList<>();
        for (Argument argument : spec.arguments()) {
            for (DeprecatedAlias alias : argument.deprecatedAliases()) {
                if (given.containsKey(alias.name())) {
                    out.add(alias.deprecation());
                }
            }
        }
        return out;
    }

    /** Ansible's warnings for arguments given both by name and by an alias. */
    static List<String> aliasWarnings(ArgumentSpec spec, Map<String, Object> given) {
        List<String> out = new ArrayList<>();
        for (Argument argument : spec.arguments()) {
            for (String alias : argument.aliases()) {
                if (given.containsKey(alias) && given.containsKey(argument.name())) {
                    out.add("Both option " + argument.name() + " and its alias " + alias + " are set.");
                }
            }
        }
        return out;
    }

    private static boolean choiceMatches(Argument argument, Object value) {
        if (value instanceof List<?> list) {
            return list.stream()
                    .allMatch(v -> argument.choices().stream()
                            .anyMatch(c -> PythonText.str(c).equals(PythonText.str(v))));
        }
        return argument.choices().stream().anyMatch(c -> PythonText.str(c).equals(PythonText.str(value)));
    }

    static Object convert(Argument argument, Object value) {
        Object converted = convert(argument.name(), argument.type(), value);
        if (argument.type() == ArgumentType.LIST && argument.elements() != null && converted instanceof List<?> list) {
            List<Object> elements = new ArrayList<>();
            for (Object item : list) {
                elements.add(convert(argument.name(), argument.elements(), item));
            }
            return elements;
        }
        return converted;
    }

    private static Object convert(String name, ArgumentType type, Object value) {
        switch (type) {
            case STR, PATH -> {
                if (value instanceof Map || value instanceof List) {
                    return PythonText.str(value);
                }
                return PythonText.str(value);
            }
            case BOOL -> {
                // check_type_bool: bools, strs, ints and floats go through boolean(); others are refused
                if (!(value instanceof Boolean || value instanceof CharSequence || value instanceof Number)) {
                    throw typeError(name, value, "bool", pythonType(value) + " cannot be converted to a bool");
                }
                try {
                    return Booleans.strict(value);
                } catch (PythonTypeError e) {
                    throw typeError(name, value, "bool", e.getMessage());
                }
            }
            case INT -> {
                if (value instanceof Long || value instanceof Integer) {
                    return ((Number) value).longValue();
                }
                try {
                    return Long.parseLong(PythonText.str(value).strip());
                } catch (NumberFormatException e) {
                    throw typeError(
                            name,
                            value,
                            "int",
                            "invalid literal for int() with base 10: " + PythonText.repr(PythonText.str(value)));
                }
            }
            case FLOAT -> {
                if (value instanceof Number n) {
                    return n.doubleValue();
                }
                try {
                    return Double.parseDouble(PythonText.str(value).strip());
                } catch (NumberFormatException e) {
                    throw typeError(
                            name,
                            value,
                            "float",
                            "could not convert string to float: " + PythonText.repr(PythonText.str(value)));
                }
            }
            case LIST -> {
                if (value instanceof List) {
                    return value;
                }
                if (value instanceof String s) {
                    List<Object> parts = new ArrayList<>();
                    for (String part : s.split(",")) {
                        parts.add(part.strip());
                    }
                    return parts;
                }
                return new ArrayList<>(List.of(value));
            }
            case DICT -> {
                if (value instanceof Map) {
                    return value;
                }
                throw typeError(name, value, "dict", "dictionary requested, could not parse JSON or key=value");
            }
            default -> {
                return value;
            }
        }
    }

    private static ModuleFailure typeError(String name, Object value, String type, String detail) {
        return new ModuleFailure("argument '" + name + "' is of type " + pythonType(value)
                + " and we were unable to convert to " + type + ": " + detail);
    }

    private static String pythonType(Object value) {
        return "<class '" + PythonRepr.typeName(value) + "'>";
    }
}
