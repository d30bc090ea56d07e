package dev.rolehop.engine.template.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.output.PyJson;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.engine.template.TemplateException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds every filter, test and lookup the production {@link Templar} registers values of each
 * type, as input and as arguments, and finds no Java exception other than the template errors
 * that become Ansible's {@code fatal:} messages: anything else ends a run with "Unexpected
 * Exception, this is probably a bug" (exit 250). The plugins are enumerated from the templar, so
 * a new one is covered without a change here.
 */
class WrongTypesTest {

    /** A value of each type a template meets, by the variable name that holds it. */
    private static final List<String> VALUES = List.of(
            "none", "yes", "no", "int", "zero", "neg", "big", "float", "nan", "str", "empty", "fmt", "long", "list",
            "strings", "dicts", "dict", "nested", "missing", "omit");

    @TempDir
    Path dir;

    private final Templar templar = new Templar(Map.of("HOME", "/nonexistent", "PATH", "/usr/bin:/bin"));

    private Map<String, Object> variables() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("none", null);
        vars.put("yes", true);
        vars.put("no", false);
        vars.put("int", 42L);
        vars.put("zero", 0L);
        vars.put("neg", -3L);
        vars.put("big", new BigInteger("123456789012345678901234567890"));
        vars.put("float", 1.5);
        vars.put("nan", Double.NaN);
        vars.put("str", "abc");
        vars.put("empty", "");
        vars.put("fmt", "%Y-%m-%d %s %");
        vars.put("long", "x".repeat(10_000));
        vars.put("list", new ArrayList<>(List.of(1L, "a", 2.5)));
        vars.put("strings", new ArrayList<>(List.of("b", "a")));
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("key", "k");
        one.put("value", 1L);
        vars.put("dicts", new ArrayList<>(List.of(one)));
        vars.put("dict", new LinkedHashMap<>(Map.of("a", 1L)));
        vars.put(
                "nested",
                new ArrayList<>(List.of(new ArrayList<>(List.of(1L)), new LinkedHashMap<>(Map.of("x", List.of())))));
        vars.put("playbook_dir", dir.toString());
        vars.put("role_path", dir.toString());
        return vars;
    }

    @Test
    void noFilterThrowsAnythingButATemplateErrorOnValuesOfAnyType() {
        List<String> templates = new ArrayList<>();
        for (String filter : new TreeSet<>(templar.jinjava().getGlobalContext().getAllFilters().stream()
                .map(f -> f.getName())
                .toList())) {
            templates.addAll(calls(value -> value + " | " + filter, false));
        }
        assertThat(crashes(templates)).isEmpty();
    }

    @Test
    void noTestThrowsAnythingButATemplateErrorOnValuesOfAnyType() {
        List<String> templates = new ArrayList<>();
        for (String test : new TreeSet<>(templar.jinjava().getGlobalContext().getAllExpTests().stream()
                .map(t -> t.getName())
                .toList())) {
            templates.addAll(calls(value -> value + " is " + test, false));
        }
        assertThat(crashes(templates)).isEmpty();
    }

    @Test
    void noLookupThrowsAnythingButATemplateErrorOnValuesOfAnyType() {
        List<String> templates = new ArrayList<>();
        for (String lookup : new TreeSet<>(Lookups.names())) {
            if (lookup.equals("pipe")) {
                continue; // runs its term as a shell command
            }
            if (lookup.equals("password")) {
                continue; // writes a file named by its term (PasswordLookupTest covers its errors)
            }
            for (String function : List.of("lookup", "query")) {
                templates.addAll(calls(
                        value -> function + "('" + lookup + "'" + (value.isEmpty() ? "" : ", " + value) + ")", true));
            }
        }
        assertThat(crashes(templates)).isEmpty();
    }

    /** The values tried in pairs of arguments. */
    private static final List<String> PAIRS = List.of("none", "int", "neg", "str", "list", "dict");

    /** The values most plugins branch on, for the argument combinations. */
    private static final List<String> CORE =
            List.of("none", "yes", "int", "neg", "float", "str", "list", "dict", "missing");

    /**
     * The calls of one plugin ({@code head} turns the input, or the lookup's terms, into the call):
     * each value as input; the core values as input with each value as the argument; a string
     * and a list with two arguments of the core types; and an unknown keyword argument.
     */
    private static List<String> calls(java.util.function.Function<String, String> head, boolean lookup) {
        List<String> out = new ArrayList<>();
        if (lookup) {
            out.add("{{ " + head.apply("") + " }}");
            for (String a : VALUES) {
                out.add("{{ " + head.apply(a) + " }}");
                out.add("{{ " + head.apply("'x', wantlist=" + a) + " }}");
                out.add("{{ " + head.apply("'x', errors=" + a) + " }}");
                out.add("{{ " + head.apply("'x', bogus=" + a) + " }}");
            }
            for (String a : CORE) {
                for (String b : CORE) {
                    out.add("{{ " + head.apply(a + ", " + b) + " }}");
                }
            }
            return out;
        }
        for (String input : VALUES) {
            out.add("{{ " + head.apply(input) + " }}");
        }
        for (String input : CORE) {
            for (String a : VALUES) {
                out.add("{{ " + head.apply(input) + "(" + a + ") }}");
            }
        }
        for (String input : List.of("str", "list")) {
            for (String a : PAIRS) {
                for (String b : PAIRS) {
                    out.add("{{ " + head.apply(input) + "(" + a + ", " + b + ") }}");
                }
            }
        }
        out.add("{{ " + head.apply("str") + "(bogus=1) }}");
        return out;
    }

    /**
     * Filters whose work grows as the factorial or power of the input's length, as in Python (where
     * they are lazy until listed): the long string is not fed to them.
     */
    private static final java.util.regex.Pattern EXPLOSIVE =
            java.util.regex.Pattern.compile("long \\| (permutations|combinations|product|subelements)");

    /**
     * Filters Jinjava adds that neither Jinja2 nor ansible-core 2.14 has; their errors are
     * Jinjava's (a run still never ends with exit 250 on them, which the tests check).
     */
    private static final java.util.Set<String> JINJAVA_ONLY = java.util.Set.of(
            "between_times",
            "date",
            "datetimeformat",
            "format_date",
            "format_datetime",
            "format_time",
            "render",
            "strtodate",
            "strtotime",
            "unixtimestamp");

    /** What only a Java exception's text says: a class name. */
    private static final java.util.regex.Pattern JAVA_WORDS = java.util.regex.Pattern.compile(
            "java\\.|javax\\.|dev\\.rolehop|com\\.hubspot|org\\.yaml|jinjava|Exception\\b|\\bclass \\w+\\.");

    /** Renders each template and prints the result as the callbacks do; returns what crashed. */
    private List<String> crashes(List<String> templates) {
        Map<String, Object> vars = variables();
        Map<String, String> found = new LinkedHashMap<>();
        for (String template : templates) {
            if (EXPLOSIVE.matcher(template).find()) {
                continue;
            }
            long started = System.nanoTime();
            try {
                Object result = templar.template(template, vars);
                PyJson.indented(result, 4);
                PyJson.compact(result);
            } catch (TemplateException e) {
                String message = String.valueOf(e.getMessage());
                if (JAVA_WORDS.matcher(message).find() && !JINJAVA_ONLY.contains(signature(template))) {
                    found.putIfAbsent(
                            signature(template) + " -> " + abbreviate(message.replace(template, "<template>"), 160),
                            template);
                }
            } catch (RuntimeException | Error e) {
                found.putIfAbsent(
                        signature(template) + " -> " + abbreviate(e.toString().replace(template, "<template>"), 160),
                        template);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis > 5000) {
                found.putIfAbsent(signature(template) + " -> took " + millis + " ms", template);
            }
        }
        List<String> out = new ArrayList<>();
        System.out.println("WrongTypesTest: " + templates.size() + " templates, " + found.size() + " crashes");
        found.forEach((sig, template) -> out.add(abbreviate(template, 200) + "\n      " + sig));
        return out;
    }

    /** The plugin a template calls: {@code upper}, {@code is match}, {@code lookup('file')}. */
    private static String signature(String template) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "^\\{\\{ (?:\\w+ \\| ([^( ]+)|\\w+ (is [^( ]+)|(\\w+\\('\\w+'))")
                .matcher(template);
        return m.find()
                ? (m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) + ")")
                : template;
    }

    private static String abbreviate(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "..." : text;
    }
}
