package dev.rolehop.local.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads IAM policy documents (a YAML mapping or JSON text) into {@link PolicyDocument}s.
 *
 * <p>Accepts IAM's grammar: {@code Version}, {@code Id}, {@code Statement} (one or a list);
 * per statement {@code Sid}, {@code Effect}, {@code Action}/{@code NotAction},
 * {@code Resource}/{@code NotResource}, {@code Principal}, {@code Condition}; string-or-list
 * values everywhere IAM allows them. Anything else is rejected with the reason.
 */
public final class PolicyParser {

    private static final Set<String> DOCUMENT_KEYS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_KEYS =
            Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "Condition");

    private PolicyParser() {}

    /**
     * Parses a document given as a YAML mapping or as JSON text.
     *
     * @param trust whether this is a trust policy (Principal required, no Resource)
     * @throws IllegalArgumentException naming the statement and key at fault
     */
    public static PolicyDocument parse(Object document, boolean trust) {
        Object doc = document instanceof String text ? parseJson(text) : document;
        Map<String, Object> map = mapping(doc, "the policy document");
        for (String key : map.keySet()) {
            if (!DOCUMENT_KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "'" + key + "' is not a policy document key (use " + "Version, Id, Statement)");
            }
        }
        Object version = map.get("Version");
        if (version != null && !"2012-10-17".equals(version) && !"2008-10-17".equals(version)) {
            throw new IllegalArgumentException(
                    "Version '" + version + "' is not an IAM policy " + "language version (use \"2012-10-17\")");
        }
        Object raw = map.get("Statement");
        if (raw == null) {
            throw new IllegalArgumentException("the policy document has no Statement");
        }
        List<Object> rawStatements = raw instanceof List<?> list ? new ArrayList<>(list) : List.of(raw);
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < rawStatements.size(); i++) {
            statements.add(statement(rawStatements.get(i), "Statement " + (i + 1), trust));
        }
        return new PolicyDocument(statements);
    }

    private static Object parseJson(String text) {
        // JSON is a subset of the YAML SnakeYAML reads; one parser serves both spellings.
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    private static Statement statement(Object raw, String where, boolean trust) {
        Map<String, Object> map = mapping(raw, where);
        for (String key : map.keySet()) {
            if (!STATEMENT_KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": '" + key + "' is not a statement key "
                        + "(use Sid, Effect, Action, NotAction, Resource, NotResource, Principal, Condition)");
            }
        }
        Object effect = map.get("Effect");
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            throw new IllegalArgumentException(where + ": Effect must be Allow or Deny, not '" + effect + "'");
        }
        List<String> actions = strings(map.get("Action"), where + " Action");
        List<String> notActions = strings(map.get("NotAction"), where + " NotAction");
        if (actions.isEmpty() == notActions.isEmpty()) {
            throw new IllegalArgumentException(where + ": give exactly one of Action or NotAction");
        }
        List<String> resources = strings(map.get("Resource"), where + " Resource");
        List<String> notResources = strings(map.get("NotResource"), where + " NotResource");
        Map<String, List<String>> principals = principals(map.get("Principal"), where);
        if (trust && principals.isEmpty()) {
            throw new IllegalArgumentException(where + ": a trust policy statement needs a Principal");
        }
        if (!trust && resources.isEmpty() == notResources.isEmpty()) {
            throw new IllegalArgumentException(where + ": give exactly one of Resource or NotResource");
        }
        if (!trust && !principals.isEmpty()) {
            throw new IllegalArgumentException(where + ": a permission policy cannot have a Principal");
        }
        return new Statement(
                str(map.get("Sid")),
                "Allow".equals(effect) ? Effect.ALLOW : Effect.DENY,
                actions,
                notActions,
                resources,
                notResources,
                principals,
                conditions(map.get("Condition"), where));
    }

    private static Map<String, List<String>> principals(Object raw, String where) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        if ("*".equals(raw)) {
            out.put("AWS", List.of("*"));
            return out;
        }
        for (Map.Entry<String, Object> e : mapping(raw, where + " Principal").entrySet()) {
            out.put(e.getKey(), strings(e.getValue(), where + " Principal " + e.getKey()));
        }
        return out;
    }

    private static List<Condition> conditions(Object raw, String where) {
        List<Condition> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (Map.Entry<String, Object> op : mapping(raw, where + " Condition").entrySet()) {
            String name = op.getKey();
            boolean ifExists = name.endsWith("IfExists");
            String base = ifExists ? name.substring(0, name.length() - "IfExists".length()) : name;
            ConditionOperator operator = ConditionOperator.byName(base)
                    .orElseThrow(() -> new IllegalArgumentException(where + ": condition operator '" + name
                            + "' is not supported by rolehop local (supported: "
                            + ConditionOperator.known() + ", each also with IfExists)"));
            for (Map.Entry<String, Object> kv :
                    mapping(op.getValue(), where + " " + name).entrySet()) {
                out.add(new Condition(
                        operator,
                        ifExists,
                        kv.getKey(),
                        strings(kv.getValue(), where + " " + name + " " + kv.getKey())));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object raw, String where) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + " must be a mapping");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static List<String> strings(Object raw, String where) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        if (raw instanceof List<?> list) {
            for (Object o : list) {
                out.add(scalar(o, where));
            }
        } else {
            out.add(scalar(raw, where));
        }
        return out;
    }

    private static String scalar(Object raw, String where) {
        if (raw instanceof Map<?, ?> || raw instanceof List<?> || raw == null) {
            throw new IllegalArgumentException(where + " must be a string or a list of strings");
        }
        // YAML reads true/1 as Boolean/Integer; IAM compares their text ("true", "1").
        return String.valueOf(raw);
    }

    private static String str(Object raw) {
        return raw == null ? null : String.valueOf(raw);
    }
}
