package dev.rolehop.engine.playbook;

import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.error.Position;
import dev.rolehop.engine.playbook.Keyword.Owner;
import dev.rolehop.engine.template.PythonText;
import dev.rolehop.engine.yaml.YamlMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks the keys of a play, block, task or role reference against {@link Keyword}'s table as the
 * loaders read them, and refuses by name the keywords Ansible knows but rolehop does not implement
 * (a value that keeps Ansible's default, such as {@code become: false}, is accepted: it changes
 * nothing). Keywords that are no-ops for the local runs rolehop does ({@code port},
 * {@code remote_user}, {@code become_user} without {@code become}, ...) are accepted.
 */
final class Keywords {

    /** What rolehop does not do, by keyword: the values it accepts anyway, and why it refuses the others. */
    private record Refusal(Predicate<Object> accepted, String why) {}

    private static final Map<Keyword, Refusal> REFUSED = Map.of(
            Keyword.BECOME, new Refusal(Keywords::isFalse, "rolehop runs every task as the user who runs it"),
            Keyword.CONNECTION,
                    new Refusal(
                            "local"::equals,
                            "rolehop runs every task on the control host "
                                    + "(connection: local); use 'rolehop exec -- ansible-playbook' for remote hosts"),
            Keyword.DEBUGGER, new Refusal("never"::equals, "rolehop has no task debugger"),
            Keyword.STRATEGY,
                    new Refusal(
                            v -> List.of("linear", "ansible.builtin.linear").contains(v),
                            "rolehop runs plays with the linear strategy only"),
            Keyword.ORDER, new Refusal("inventory"::equals, "rolehop runs hosts in inventory order only"),
            Keyword.FORCE_HANDLERS, new Refusal(Keywords::isFalse, "rolehop does not run the handlers of failed hosts"),
            Keyword.DELEGATE_FACTS,
                    new Refusal(
                            Keywords::isFalse, "rolehop keeps a delegated task's facts on the host the task runs for"),
            Keyword.FACT_PATH, new Refusal(v -> false, "rolehop gathers no local facts (facts.d)"));

    private Keywords() {}

    /**
     * The keyword a key of an object names, or {@code null} when the object has no such keyword.
     *
     * @throws ParseError when rolehop does not implement the keyword (with this value)
     */
    static Keyword check(Owner owner, String key, YamlMap map) {
        Keyword keyword = Keyword.of(owner, key);
        if (keyword == null) {
            return null;
        }
        Refusal refusal = REFUSED.get(keyword);
        Object value = map.get(key);
        if (refusal != null && value != null && !refusal.accepted().test(value)) {
            throw new ParseError(
                    "'" + key + "' is not supported by rolehop (" + refusal.why()
                            + "); remove it, or run this playbook with ansible-playbook",
                    map.positionOf(key));
        }
        if (value != null) {
            checkLoaded(owner, keyword, value, map);
        }
        return keyword;
    }

    /**
     * What Ansible checks as it loads an object, before any templating ({@code _load_*} and
     * {@code FieldAttributeBase.validate}), with its messages.
     */
    private static void checkLoaded(Owner owner, Keyword keyword, Object value, YamlMap map) {
        String key = keyword.key();
        if (keyword.type() == Keyword.Type.STRING && (value instanceof List<?> || value instanceof Map<?, ?>)) {
            throw new ParseError(
                    "The field '" + key + "' is supposed to be a string type, however the incoming data "
                            + "structure is a " + yamlClass(value),
                    map.position());
        }
        if (keyword == Keyword.TAGS && !(value instanceof List<?>) && !(value instanceof String)) {
            throw new AnsibleError("tags must be specified as a list", valuePosition(map, key));
        }
        if (keyword == Keyword.COLLECTIONS && value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String)) {
                    throw new ParseError(
                            "the field 'collections' should be a list of (<class 'str'>,), but the item '"
                                    + PythonText.str(item) + "' is a " + yamlClass(item),
                            map.position());
                }
            }
        }
        if (keyword == Keyword.VARS && !(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            throw new ParseError(
                    "Vars in a " + owner.className() + " must be specified as a dictionary, or a list of "
                            + "dictionaries",
                    valuePosition(map, key));
        }
        if (keyword == Keyword.VARS_PROMPT && !(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            throw new AnsibleError("variable files must contain either a dictionary of variables, or a list of "
                    + "dictionaries. Got: " + PythonText.str(value) + " (" + yamlClass(value) + ")");
        }
        if (keyword == Keyword.LOOP_CONTROL && !(value instanceof Map<?, ?>)) {
            throw new ParseError(
                    "the `loop_control` value must be specified as a dictionary and cannot be a variable "
                            + "itself (though it can contain variables)",
                    valuePosition(map, key));
        }
        if (keyword == Keyword.ARGS && value instanceof String text && !text.contains("{{")) {
            throw new ParseError(
                    "Complex args containing variables cannot use bare variables (without Jinja2 "
                            + "delimiters), and must use the full variable style ('{{var_name}}')",
                    map.position());
        }
    }

    /** Python's {@code type(value)} of a value read by Ansible's YAML loader. */
    private static String yamlClass(Object value) {
        String name = value instanceof Map<?, ?>
                ? "ansible.parsing.yaml.objects.AnsibleMapping"
                : value instanceof List<?>
                        ? "ansible.parsing.yaml.objects.AnsibleSequence"
                        : value instanceof String
                                ? "ansible.parsing.yaml.objects.AnsibleUnicode"
                                : value instanceof Boolean
                                        ? "bool"
                                        : value instanceof Double
                                                ? "float"
                                                : value instanceof Number ? "int" : "NoneType";
        return "<class '" + name + "'>";
    }

    /**
     * Where a key's value was written: a mapping knows its position; a scalar is taken to follow its
     * key on the same line ({@code key: value}), where Ansible points.
     */
    private static Position valuePosition(YamlMap map, String key) {
        Object value = map.get(key);
        if (value instanceof YamlMap nested) {
            return nested.position();
        }
        Position at = map.positionOf(key);
        return at == map.position() ? at : new Position(at.file(), at.line(), at.column() + key.length() + 2);
    }

    /** The keywords rolehop refuses (unless their value keeps Ansible's default), for documentation and tests. */
    static java.util.Set<Keyword> refused() {
        return REFUSED.keySet();
    }

    private static boolean isFalse(Object value) {
        return Boolean.FALSE.equals(value)
                || value instanceof String s
                        && List.of("no", "false", "off", "n", "f", "0")
                                .contains(s.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
