package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's path filters with Python's {@code os.path} (POSIX) semantics: {@code basename},
 * {@code dirname}, {@code splitext}, {@code realpath}, {@code relpath}, {@code expanduser},
 * {@code expandvars} and {@code path_join}.
 */
final class PathFilters {
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+|\\{[^}]*})");

    private final Map<String, String> environment;

    private PathFilters(Map<String, String> environment) {
        this.environment = environment;
    }

    static List<PluginFilter> all(Map<String, String> environment) {
        PathFilters paths = new PathFilters(environment);
        return List.of(
                new PluginFilter("basename", (value, args, interpreter) -> basename(PythonRepr.str(value))),
                new PluginFilter("dirname", (value, args, interpreter) -> dirname(PythonRepr.str(value))),
                new PluginFilter("splitext", (value, args, interpreter) -> splitext(PythonRepr.str(value))),
                new PluginFilter("realpath", (value, args, interpreter) -> realpath(PythonRepr.str(value))),
                new PluginFilter("relpath", PathFilters::relpath),
                new PluginFilter("expanduser", (value, args, interpreter) -> paths.expanduser(PythonRepr.str(value))),
                new PluginFilter("expandvars", (value, args, interpreter) -> paths.expandvars(PythonRepr.str(value))),
                new PluginFilter("path_join", (value, args, interpreter) -> pathJoin(value)),
                new PluginFilter(
                        "fileglob",
                        (value, args, interpreter) ->
                                new ArrayList<Object>(FileGlob.files(PythonRepr.str(value), Path.of("")))));
    }

    /** {@code os.path.basename}: the text after the last slash. */
    static String basename(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code os.path.dirname}: the text before the last slash, trailing slashes removed. */
    static String dirname(String path) {
        String head = path.substring(0, path.lastIndexOf('/') + 1);
        if (!head.isEmpty() && !head.matches("/+")) {
            head = head.replaceAll("/+$", "");
        }
        return head;
    }

    /** {@code os.path.splitext}: (root, ext), a leading dot of the name not being an extension. */
    private static Object splitext(String path) {
        String name = basename(path);
        int dot = name.lastIndexOf('.');
        int leadingDots = 0;
        while (leadingDots < name.length() && name.charAt(leadingDots) == '.') {
            leadingDots++;
        }
        if (dot < leadingDots) {
            return PythonTuple.of(path, "");
        }
        int at = path.length() - name.length() + dot;
        return PythonTuple.of(path.substring(0, at), path.substring(at));
    }

    /** {@code os.path.realpath}: absolute, normalized, symlinks of the existing part resolved. */
    static String realpath(String path) {
        Path absolute = Path.of(path).toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !existing.toFile().exists()) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute.toString();
        }
        try {
            return existing.toRealPath()
                    .resolve(existing.relativize(absolute))
                    .normalize()
                    .toString();
        } catch (IOException e) {
            return absolute.toString();
        }
    }

    /** {@code relpath(start=os.curdir)}. */
    private static Object relpath(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("start");
        Path target = Path.of(PythonRepr.str(value)).toAbsolutePath().normalize();
        Path start = Path.of(args.text(0, "start", ".")).toAbsolutePath().normalize();
        String relative = start.relativize(target).toString();
        return relative.isEmpty() ? "." : relative;
    }

    /** {@code os.path.expanduser}: a leading {@code ~} becomes HOME. */
    private String expanduser(String path) {
        if (!path.equals("~") && !path.startsWith("~/")) {
            return path;
        }
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        String expanded = home.replaceAll("/+$", "") + path.substring(1);
        return expanded.isEmpty() ? "/" : expanded;
    }

    /** {@code os.path.expandvars}: {@code $NAME} and {@code ${NAME}} of set variables replaced. */
    private String expandvars(String path) {
        Matcher variables = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1).replaceAll("^\\{|}$", "");
            String value = environment.get(name);
            variables.appendReplacement(out, Matcher.quoteReplacement(value == null ? variables.group() : value));
        }
        variables.appendTail(out);
        return out.toString();
    }

    /** Ansible's {@code path_join}: {@code os.path.join} of a string or a sequence. */
    private static Object pathJoin(Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (!PythonValues.isSequence(value)) {
            throw AnsibleFilterError.typeError(
                    "|path_join expects string or sequence, got " + DictFilters.pythonClass(value) + " instead.");
        }
        List<String> parts = new ArrayList<>();
        PythonValues.iterable(value).forEach(part -> parts.add(PythonRepr.str(part)));
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part.startsWith("/")) {
                joined.setLength(0);
            } else if (joined.length() > 0 && joined.charAt(joined.length() - 1) != '/') {
                joined.append('/');
            }
            joined.append(part);
        }
        return joined.toString();
    }
}
