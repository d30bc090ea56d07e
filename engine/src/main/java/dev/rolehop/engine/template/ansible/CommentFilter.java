package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ansible's {@code comment(style='plain', **kw)} filter: wraps text in a comment block of the
 * style {@code plain} ({@code #}), {@code erlang} ({@code %}), {@code c} ({@code //}),
 * {@code cblock} ({@code /* ... *\/}) or {@code xml} ({@code <!-- ... -->}), with Ansible's
 * overridable parts ({@code decoration}, {@code prefix}, {@code prefix_count}, {@code postfix},
 * {@code postfix_count}, {@code beginning}, {@code end}, {@code newline}).
 */
final class CommentFilter {
    private CommentFilter() {}

    static PluginFilter filter() {
        return new PluginFilter("comment", CommentFilter::comment);
    }

    private static Map<String, String> style(String name) {
        Map<String, String> style = new LinkedHashMap<>();
        switch (name) {
            case "plain" -> style.put("decoration", "# ");
            case "erlang" -> style.put("decoration", "% ");
            case "c" -> style.put("decoration", "// ");
            case "cblock" -> {
                style.put("beginning", "/*");
                style.put("decoration", " * ");
                style.put("end", " */");
            }
            case "xml" -> {
                style.put("beginning", "<!--");
                style.put("decoration", " - ");
                style.put("end", "-->");
            }
            default -> throw new AnsibleFilterError("'" + name + "'", "KeyError");
        }
        return style;
    }

    private static Object comment(Object value, Arguments args, JinjavaInterpreter interpreter) {
        String text = PythonRepr.str(value);
        Map<String, String> style = style(args.text(0, "style", "plain"));
        String prepostfix = args.keywords().containsKey("decoration")
                ? PythonRepr.str(args.keywords().get("decoration"))
                : style.get("decoration");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("newline", "\n");
        p.put("beginning", "");
        p.put("prefix", prepostfix.stripTrailing());
        p.put("prefix_count", "1");
        p.put("decoration", "");
        p.put("postfix", prepostfix.stripTrailing());
        p.put("postfix_count", "1");
        p.put("end", "");
        p.putAll(style);
        args.keywords().forEach((key, option) -> {
            if (!key.equals("style")) {
                p.put(key, PythonRepr.str(option));
            }
        });
        String newline = p.get("newline");
        String beginning = p.get("beginning").isEmpty() ? "" : p.get("beginning") + newline;
        String prefix = "";
        if (!p.get("prefix").isEmpty()) {
            prefix = (p.get("prefix").equals(newline) ? newline : p.get("prefix") + newline)
                    .repeat(Integer.parseInt(p.get("prefix_count")));
        }
        String decoration = p.get("decoration");
        String body = (decoration + text.replace(newline, newline + decoration))
                .replace(decoration + newline, decoration.stripTrailing() + newline);
        StringBuilder postfix = new StringBuilder();
        for (int i = 0; i < Integer.parseInt(p.get("postfix_count")); i++) {
            postfix.append(newline).append(p.get("postfix"));
        }
        String end = p.get("end").isEmpty() ? "" : newline + p.get("end");
        return beginning + prefix + body + postfix + end;
    }
}
