package dev.rolehop.engine.template.ansible;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a Python {@code re} pattern into a {@link Pattern} with the same meaning, and expands
 * Python replacement templates ({@code \1}, {@code \g<name>}).
 *
 * <p>Translated: named groups {@code (?P<name>...)} and {@code (?P=name)} (Java group names
 * allow no underscores, so groups get generated names), {@code \Z}, {@code {,n}}, a brace that
 * is no quantifier, {@code [}/{@code &} inside classes, and {@code ^} under {@code re.M} (which
 * in Python also matches after a final newline). Python's str patterns are Unicode
 * aware and only {@code \n} ends a line, hence {@link Pattern#UNICODE_CHARACTER_CLASS} and
 * {@link Pattern#UNIX_LINES}.
 */
final class PythonRegex {
    private static final Pattern QUANTIFIER = Pattern.compile("\\{(\\d*)(,(\\d*))?}");

    private final Pattern pattern;
    private final Map<String, String> groupNames;

    private PythonRegex(Pattern pattern, Map<String, String> groupNames) {
        this.pattern = pattern;
        this.groupNames = groupNames;
    }

    /** Compiles the Python pattern with Python's {@code re.I}/{@code re.M} flags. */
    static PythonRegex compile(String python, boolean ignoreCase, boolean multiline) {
        Map<String, String> names = new HashMap<>();
        String java = translate(python, names, multiline);
        int flags = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;
        if (ignoreCase) {
            flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if (multiline) {
            flags |= Pattern.MULTILINE;
        }
        try {
            return new PythonRegex(Pattern.compile(java, flags), names);
        } catch (PatternSyntaxException e) {
            throw new AnsibleFilterError(e.getDescription() + " at position " + Math.max(e.getIndex(), 0), "re.error");
        }
    }

    /** Returns the compiled pattern. */
    Pattern pattern() {
        return pattern;
    }

    /** Returns the Java name of a Python group name, for {@link Matcher#group(String)}. */
    String group(String pythonName) {
        String java = groupNames.get(pythonName);
        if (java == null) {
            throw new AnsibleFilterError("unknown group name '" + pythonName + "'", "IndexError");
        }
        return java;
    }

    private static String translate(String python, Map<String, String> names, boolean multiline) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        int i = 0;
        while (i < python.length()) {
            char c = python.charAt(i);
            if (c == '\\' && i + 1 < python.length()) {
                char next = python.charAt(i + 1);
                out.append(next == 'Z' && !inClass ? "\\z" : "\\" + next);
                i += 2;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    out.append(c);
                } else {
                    out.append(c == '[' || c == '&' ? "\\" + c : String.valueOf(c));
                }
                i++;
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                i++;
                if (i < python.length() && python.charAt(i) == '^') {
                    out.append('^');
                    i++;
                }
                if (i < python.length() && python.charAt(i) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            if (python.startsWith("(?P<", i)) {
                int end = python.indexOf('>', i);
                String name = python.substring(i + 4, end);
                String java = "g" + (names.size() + 1) + "n" + name.replaceAll("[^A-Za-z0-9]", "");
                names.put(name, java);
                out.append("(?<").append(java).append('>');
                i = end + 1;
                continue;
            }
            if (python.startsWith("(?P=", i)) {
                int end = python.indexOf(')', i);
                String name = python.substring(i + 4, end);
                if (!names.containsKey(name)) {
                    throw new AnsibleFilterError(
                            "unknown group name '" + name + "' at position " + (i + 4), "re.error");
                }
                out.append("\\k<").append(names.get(name)).append('>');
                i = end + 1;
                continue;
            }
            if (c == '^' && multiline) {
                // Python's re.M also matches ^ at the very end after a final newline; Java's does not.
                out.append("(?:^|(?<=\n))");
                i++;
                continue;
            }
            if (c == '{') {
                Matcher quantifier = QUANTIFIER.matcher(python).region(i, python.length());
                if (quantifier.lookingAt()
                        && (!quantifier.group(1).isEmpty()
                                || (quantifier.group(3) != null
                                        && !quantifier.group(3).isEmpty()))) {
                    String min = quantifier.group(1).isEmpty() ? "0" : quantifier.group(1);
                    out.append('{')
                            .append(min)
                            .append(quantifier.group(2) == null ? "" : quantifier.group(2))
                            .append('}');
                    i = quantifier.end();
                    continue;
                }
                out.append("\\{");
                i++;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Expands a Python replacement template for one match, as {@code re.sub} does. */
    String expand(String template, Matcher match) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '\\' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == 'g' && i + 2 < template.length() && template.charAt(i + 2) == '<') {
                int end = template.indexOf('>', i);
                String ref = template.substring(i + 3, end);
                out.append(groupOrEmpty(match, ref));
                i = end + 1;
            } else if (Character.isDigit(next)) {
                int end = i + 2;
                if (end < template.length() && Character.isDigit(template.charAt(end))) {
                    end++;
                }
                out.append(groupOrEmpty(match, template.substring(i + 1, end)));
                i = end;
            } else {
                String escape = switch (next) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case 'r' -> "\r";
                    case 'f' -> "\f";
                    case 'v' -> "\u000b";
                    case 'a' -> "\u0007";
                    case 'b' -> "\b";
                    case '\\' -> "\\";
                    default -> {
                        if (Character.isLetter(next) && next < 128) {
                            throw new AnsibleFilterError("bad escape \\" + next + " at position " + i, "re.error");
                        }
                        yield "\\" + next;
                    }
                };
                out.append(escape);
                i += 2;
            }
        }
        return out.toString();
    }

    private String groupOrEmpty(Matcher match, String ref) {
        String value;
        if (ref.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(ref);
            if (index > match.groupCount()) {
                throw new AnsibleFilterError("invalid group reference " + index, "re.error");
            }
            value = match.group(index);
        } else {
            value = match.group(group(ref));
        }
        return value == null ? "" : value;
    }

    /** Returns the match's groups as Python's {@code findall} reports them. */
    static Object findallItem(Matcher match) {
        if (match.groupCount() == 0) {
            return match.group();
        }
        if (match.groupCount() == 1) {
            return match.group(1) == null ? "" : match.group(1);
        }
        Object[] groups = new Object[match.groupCount()];
        for (int g = 1; g <= match.groupCount(); g++) {
            groups[g - 1] = match.group(g) == null ? "" : match.group(g);
        }
        return new PythonTuple(List.of(groups));
    }
}
