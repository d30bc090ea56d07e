package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ansible's own tests: task-result tests ({@code failed}, {@code succeeded}, {@code changed},
 * {@code skipped}, ...), {@code match}/{@code search}/{@code regex}, {@code version},
 * {@code truthy}/{@code falsy}, {@code any}/{@code all}, {@code subset}/{@code superset},
 * {@code contains} and {@code nan}.
 */
final class AnsibleTests {
    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("==", "eq"),
            Map.entry("=", "eq"),
            Map.entry("eq", "eq"),
            Map.entry("<", "lt"),
            Map.entry("lt", "lt"),
            Map.entry("<=", "le"),
            Map.entry("le", "le"),
            Map.entry(">", "gt"),
            Map.entry("gt", "gt"),
            Map.entry(">=", "ge"),
            Map.entry("ge", "ge"),
            Map.entry("!=", "ne"),
            Map.entry("<>", "ne"),
            Map.entry("ne", "ne"));
    private static final List<String> VERSION_TYPES = List.of("loose", "strict", "semver", "semantic", "pep440");

    private AnsibleTests() {}

    static List<PluginTest> all() {
        List<PluginTest> tests = new ArrayList<>();
        for (String name : List.of("failed", "failure")) {
            tests.add(new PluginTest(name, (value, args, interpreter) -> resultFlag(value, "failed")));
        }
        for (String name : List.of("succeeded", "success", "successful")) {
            tests.add(new PluginTest(name, (value, args, interpreter) -> !resultFlag(value, "failed")));
        }
        tests.add(new PluginTest("unreachable", (value, args, interpreter) -> resultFlag(value, "unreachable")));
        tests.add(new PluginTest("reachable", (value, args, interpreter) -> !resultFlag(value, "unreachable")));
        for (String name : List.of("changed", "change")) {
            tests.add(new PluginTest(name, (value, args, interpreter) -> changed(value)));
        }
        for (String name : List.of("skipped", "skip")) {
            tests.add(new PluginTest(name, (value, args, interpreter) -> resultFlag(value, "skipped")));
        }
        tests.add(new PluginTest("match", (value, args, interpreter) -> regex(value, args, false)));
        tests.add(new PluginTest("search", (value, args, interpreter) -> regex(value, args, true)));
        tests.add(new PluginTest(
                "regex",
                (value, args, interpreter) ->
                        regex(value, args, !"match".equals(args.text(3, "match_type", "search")))));
        tests.add(new PluginTest("version", AnsibleTests::version));
        tests.add(new PluginTest("version_compare", AnsibleTests::version));
        tests.add(new PluginTest("truthy", (value, args, interpreter) -> truthy(value, args)));
        tests.add(new PluginTest("falsy", (value, args, interpreter) -> !truthy(value, args)));
        tests.add(new PluginTest(
                "any",
                (value, args, interpreter) ->
                        PythonValues.iterable(value).stream().anyMatch(PythonValues::truthy)));
        tests.add(new PluginTest(
                "all",
                (value, args, interpreter) ->
                        PythonValues.iterable(value).stream().allMatch(PythonValues::truthy)));
        for (String name : List.of("subset", "issubset")) {
            tests.add(new PluginTest(name, (value, args, interpreter) -> subset(value, args.get(0, "b", null))));
        }
        for (String name : List.of("superset", "issuperset")) {
            tests.add(new PluginTest(name, (value, args, interpreter) -> subset(args.get(0, "b", null), value)));
        }
        tests.add(new PluginTest(
                "contains", (value, args, interpreter) -> PythonValues.contains(value, args.get(0, "value", null))));
        for (String name : List.of("nan", "isnan")) {
            tests.add(new PluginTest(
                    name,
                    (value, args, interpreter) -> value instanceof Number number
                            && PythonValues.isFloat(number)
                            && Double.isNaN(number.doubleValue())));
        }
        tests.add(new PluginTest("vault_encrypted", (value, args, interpreter) -> false));
        return tests;
    }

    /** Reads a task result's flag; a non-dict is Ansible's "expects a dictionary" error. */
    private static boolean resultFlag(Object result, String flag) {
        if (!(result instanceof Map<?, ?> map)) {
            String test = flag.equals("failed") ? "failed" : flag;
            throw new AnsibleFilterError("The '" + test + "' test expects a dictionary");
        }
        return PythonValues.truthy(map.get(flag));
    }

    /** Ansible's {@code changed}: the flag, or any changed item of a looped result. */
    private static boolean changed(Object result) {
        if (!(result instanceof Map<?, ?> map)) {
            throw new AnsibleFilterError("The 'changed' test expects a dictionary");
        }
        if (map.containsKey("changed")) {
            return PythonValues.truthy(map.get("changed"));
        }
        if (map.get("results") instanceof List<?> results
                && !results.isEmpty()
                && results.get(0) instanceof Map<?, ?>) {
            return results.stream()
                    .anyMatch(item -> item instanceof Map<?, ?> m && PythonValues.truthy(m.get("changed")));
        }
        return false;
    }

    /** {@code match}/{@code search}(pattern='', ignorecase=False, multiline=False). */
    private static boolean regex(Object value, Arguments args, boolean search) {
        PythonRegex regex = PythonRegex.compile(
                args.text(0, "pattern", ""), args.flag(1, "ignorecase", false), args.flag(2, "multiline", false));
        java.util.regex.Matcher matcher = regex.pattern().matcher(PythonRepr.str(value));
        return search ? matcher.find() : matcher.lookingAt();
    }

    /** Ansible's {@code version(version, operator='eq', strict=None, version_type=None)}. */
    private static boolean version(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("version", "operator", "strict", "version_type");
        Object other = args.get(0, "version", null);
        String operator = args.text(1, "operator", "eq");
        Object strict = args.get(2, "strict", null);
        Object versionType = args.get(3, "version_type", null);
        if (strict != null && versionType != null) {
            throw new AnsibleFilterError("Cannot specify both 'strict' and 'version_type'");
        }
        if (!PythonValues.truthy(value)) {
            throw new AnsibleFilterError("Input version value cannot be empty");
        }
        if (!PythonValues.truthy(other)) {
            throw new AnsibleFilterError("Version parameter to compare against cannot be empty");
        }
        String scheme =
                PythonValues.truthy(strict) ? "strict" : versionType == null ? "loose" : PythonRepr.str(versionType);
        if (!VERSION_TYPES.contains(scheme)) {
            throw new AnsibleFilterError("Invalid version type (" + scheme + "). Must be one of "
                    + "'loose', 'strict', 'semver', 'semantic', 'pep440'");
        }
        if (scheme.equals("pep440")) {
            throw new AnsibleFilterError("The pep440 version_type requires the Python 'packaging' library");
        }
        String op = OPERATORS.get(operator);
        if (op == null) {
            throw new AnsibleFilterError("Invalid operator type (" + operator + "). Must be one of "
                    + "'==', '=', 'eq', '<', 'lt', '<=', 'le', '>', 'gt', '>=', 'ge', '!=', '<>', 'ne'");
        }
        int order;
        try {
            order = Versions.compare(PythonRepr.str(value), PythonRepr.str(other), scheme);
        } catch (AnsibleFilterError e) {
            if (e.getMessage().startsWith("Version comparison failed")) {
                throw e;
            }
            throw new AnsibleFilterError("Version comparison failed: " + e.getMessage());
        }
        return switch (op) {
            case "eq" -> order == 0;
            case "ne" -> order != 0;
            case "lt" -> order < 0;
            case "le" -> order <= 0;
            case "gt" -> order > 0;
            default -> order >= 0;
        };
    }

    /** Ansible's {@code truthy(convert_bool=False)}: Python truth, optionally of boolean words. */
    private static boolean truthy(Object value, Arguments args) {
        args.accept("convert_bool");
        if (args.flag(0, "convert_bool", false)) {
            java.util.Optional<Boolean> converted = dev.rolehop.python.Booleans.parse(value);
            if (converted.isPresent()) {
                return converted.get();
            }
        }
        return PythonValues.truthy(value);
    }

    /** Python's {@code set(a) <= set(b)} on hashable items. */
    private static boolean subset(Object a, Object b) {
        List<Object> items = PythonValues.iterable(a);
        List<Object> of = PythonValues.iterable(b);
        for (Object item : items) {
            if (item instanceof Map<?, ?> || item instanceof List<?>) {
                throw AnsibleFilterError.typeError("unhashable type: '" + PythonValues.typeName(item) + "'");
            }
            if (of.stream().noneMatch(x -> PythonValues.equal(x, item))) {
                return false;
            }
        }
        return true;
    }
}
