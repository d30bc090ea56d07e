package dev.rolehop.engine.template.ansible;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Python's {@code str} methods as templates call them ({@code 'a b'.split()},
 * {@code name.startswith('web')}), with CPython 3.11's results and error messages. Indexes count
 * UTF-16 units, which differ from Python's characters only beyond U+FFFF.
 */
final class PythonStrMethods {
    private static final Set<String> NAMES = Set.of(
            "split",
            "rsplit",
            "splitlines",
            "strip",
            "lstrip",
            "rstrip",
            "upper",
            "lower",
            "title",
            "capitalize",
            "swapcase",
            "replace",
            "find",
            "rfind",
            "index",
            "rindex",
            "count",
            "startswith",
            "endswith",
            "join",
            "isdigit",
            "isalpha",
            "isalnum",
            "isspace",
            "isupper",
            "islower",
            "zfill",
            "center",
            "ljust",
            "rjust",
            "format",
            "partition",
            "rpartition");

    private PythonStrMethods() {}

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    static Object call(String text, PythonCall call) {
        return switch (call.method()) {
            case "split" -> split(text, separator(call.named("sep", "maxsplit")), call.integer(1, "maxsplit", -1));
            case "rsplit" -> rsplit(text, separator(call.named("sep", "maxsplit")), call.integer(1, "maxsplit", -1));
            case "splitlines" ->
                splitlines(text, PythonValues.truthy(call.named("keepends").get(0, "keepends", false)));
            case "strip" -> strip(text, stripped(call), true, true);
            case "lstrip" -> strip(text, stripped(call), true, false);
            case "rstrip" -> strip(text, stripped(call), false, true);
            case "upper" -> none(call, text.toUpperCase(Locale.ROOT));
            case "lower" -> none(call, text.toLowerCase(Locale.ROOT));
            case "title" -> none(call, title(text));
            case "capitalize" -> none(call, StringFilters.capitalize(text));
            case "swapcase" -> none(call, swapcase(text));
            case "replace" -> replace(text, call);
            case "find" -> find(text, call, false);
            case "rfind" -> find(text, call, true);
            case "index" -> index(text, call, false);
            case "rindex" -> index(text, call, true);
            case "count" -> count(text, call);
            case "startswith", "endswith" -> affix(text, call);
            case "join" -> join(text, call.exactlyOne().get(0));
            case "isdigit" -> none(call, all(text, Character::isDigit));
            case "isalpha" -> none(call, all(text, Character::isLetter));
            case "isalnum" -> none(call, all(text, Character::isLetterOrDigit));
            case "isspace" -> none(call, all(text, PythonStrMethods::isSpace));
            case "isupper" -> none(call, cased(text, true));
            case "islower" -> none(call, cased(text, false));
            case "zfill" -> zfill(text, call.exactlyOne().integer(0, null, 0));
            case "center", "ljust", "rjust" -> justify(text, call);
            case "format" -> PythonFormat.format(text, call.positional(), call.keywords());
            case "partition" -> partition(text, call, false);
            case "rpartition" -> partition(text, call, true);
            default -> throw new IllegalStateException("str." + call.method() + " is listed but not implemented");
        };
    }

    private static Object none(PythonCall call, Object result) {
        call.none();
        return result;
    }

    private static String separator(PythonCall call) {
        return call.optionalText(0, "sep", "must be str or None, not TYPE");
    }

    private static String stripped(PythonCall call) {
        call.expects(0, 1);
        Object chars = call.get(0);
        if (chars != null && !(chars instanceof CharSequence)) {
            throw AnsibleFilterError.typeError(call.method() + " arg must be None or str");
        }
        return chars == null ? null : chars.toString();
    }

    /** Python's {@code str.split(sep=None, maxsplit=-1)}. */
    static List<Object> split(String text, String sep, int maxsplit) {
        List<Object> parts = new ArrayList<>();
        if (sep == null) {
            String rest = strip(text, null, true, false);
            while (!rest.isEmpty()) {
                if (maxsplit >= 0 && parts.size() == maxsplit) {
                    parts.add(rest);
                    return parts;
                }
                int end = 0;
                while (end < rest.length() && !isSpace(rest.charAt(end))) {
                    end++;
                }
                parts.add(rest.substring(0, end));
                rest = strip(rest.substring(end), null, true, false);
            }
            return parts;
        }
        requireSeparator(sep);
        int from = 0;
        while (maxsplit < 0 || parts.size() < maxsplit) {
            int at = text.indexOf(sep, from);
            if (at < 0) {
                break;
            }
            parts.add(text.substring(from, at));
            from = at + sep.length();
        }
        parts.add(text.substring(from));
        return parts;
    }

    /** Python's {@code str.rsplit(sep=None, maxsplit=-1)}: split from the right. */
    static List<Object> rsplit(String text, String sep, int maxsplit) {
        List<Object> parts = new ArrayList<>();
        if (sep == null) {
            String rest = strip(text, null, false, true);
            while (!rest.isEmpty()) {
                if (maxsplit >= 0 && parts.size() == maxsplit) {
                    parts.add(rest);
                    break;
                }
                int start = rest.length();
                while (start > 0 && !isSpace(rest.charAt(start - 1))) {
                    start--;
                }
                parts.add(rest.substring(start));
                rest = strip(rest.substring(0, start), null, false, true);
            }
        } else {
            requireSeparator(sep);
            int to = text.length();
            while (maxsplit < 0 || parts.size() < maxsplit) {
                int at = text.lastIndexOf(sep, to - sep.length());
                if (at < 0) {
                    break;
                }
                parts.add(text.substring(at + sep.length(), to));
                to = at;
            }
            parts.add(text.substring(0, to));
        }
        Collections.reverse(parts);
        return parts;
    }

    private static void requireSeparator(String sep) {
        if (sep.isEmpty()) {
            throw new AnsibleFilterError("empty separator", "ValueError");
        }
    }

    /** Python's {@code str.splitlines(keepends=False)}: every Unicode line boundary, {@code \r\n} as one. */
    private static List<Object> splitlines(String text, boolean keepends) {
        List<Object> lines = new ArrayList<>();
        int start = 0;
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if ("\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029".indexOf(c) < 0) {
                at++;
                continue;
            }
            int end = c == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n' ? at + 2 : at + 1;
            lines.add(text.substring(start, keepends ? end : at));
            start = end;
            at = end;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** Python's {@code str.strip(chars=None)} and its one-sided forms; None strips whitespace. */
    static String strip(String text, String chars, boolean left, boolean right) {
        int start = 0;
        int end = text.length();
        while (left && start < end && strips(chars, text.charAt(start))) {
            start++;
        }
        while (right && end > start && strips(chars, text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean strips(String chars, char c) {
        return chars == null ? isSpace(c) : chars.indexOf(c) >= 0;
    }

    /** Python's {@code str.isspace} for one character (it counts U+001C..U+001F and U+0085 too). */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** Python's {@code str.title}: a cased character after an uncased one is upper case, others lower. */
    private static String title(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean afterCased = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean cased = Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
            out.append(!cased ? c : afterCased ? Character.toLowerCase(c) : Character.toTitleCase(c));
            afterCased = cased;
        }
        return out.toString();
    }

    private static String swapcase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }

    private static Object replace(String text, PythonCall call) {
        call.expects(2, 3);
        String old = call.requiredText(0, "replace() argument 1 must be str, not TYPE");
        String replacement = call.requiredText(1, "replace() argument 2 must be str, not TYPE");
        return replace(text, old, replacement, call.has(2) ? call.integer(2, null, -1) : -1);
    }

    /** Python's {@code str.replace(old, new, count=-1)}; an empty {@code old} inserts between characters. */
    static String replace(String text, String old, String replacement, int count) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int done = 0;
        while (count < 0 || done < count) {
            int at = old.isEmpty() ? (from <= text.length() ? from : -1) : text.indexOf(old, from);
            if (at < 0) {
                break;
            }
            out.append(text, from, at).append(replacement);
            if (old.isEmpty()) {
                if (at < text.length()) {
                    out.appendCodePoint(text.codePointAt(at));
                }
                from = at + (at < text.length() ? Character.charCount(text.codePointAt(at)) : 1);
            } else {
                from = at + old.length();
            }
            done++;
        }
        if (from <= text.length()) {
            out.append(text.substring(from));
        }
        return out.toString();
    }

    /** The {@code [start:end]} window of {@code find}, {@code count} and {@code startswith}, as Python clips it. */
    private record Window(int start, int end, boolean outside) {
        static Window of(String text, PythonCall call) {
            int length = text.length();
            int start = clip(bound(call, 1, 0), length);
            int end = Math.min(clip(bound(call, 2, length), length), length);
            return new Window(start, end, start > length);
        }

        private static int bound(PythonCall call, int index, int fallback) {
            return call.get(index) == null ? fallback : call.integer(index, null, fallback);
        }

        private static int clip(int index, int length) {
            return index < 0 ? Math.max(0, index + length) : index;
        }
    }

    private static int search(String text, PythonCall call, boolean fromRight) {
        call.takes(1, 3);
        String sub = call.requiredText(0, "must be str, not TYPE");
        Window window = Window.of(text, call);
        if (window.outside() || window.end() - window.start() < sub.length()) {
            return -1;
        }
        String slice = text.substring(window.start(), window.end());
        int at = fromRight ? slice.lastIndexOf(sub) : slice.indexOf(sub);
        return at < 0 ? -1 : at + window.start();
    }

    private static long find(String text, PythonCall call, boolean fromRight) {
        return search(text, call, fromRight);
    }

    private static long index(String text, PythonCall call, boolean fromRight) {
        int at = search(text, call, fromRight);
        if (at < 0) {
            throw new AnsibleFilterError("substring not found", "ValueError");
        }
        return at;
    }

    private static long count(String text, PythonCall call) {
        call.takes(1, 3);
        String sub = call.requiredText(0, "must be str, not TYPE");
        Window window = Window.of(text, call);
        if (window.outside() || window.end() < window.start()) {
            return 0;
        }
        if (sub.isEmpty()) {
            return window.end() - window.start() + 1L;
        }
        String slice = text.substring(window.start(), window.end());
        long found = 0;
        for (int at = slice.indexOf(sub); at >= 0; at = slice.indexOf(sub, at + sub.length())) {
            found++;
        }
        return found;
    }

    /** {@code startswith}/{@code endswith} with a str or a tuple of them (Jinjava reads a tuple as a list). */
    private static boolean affix(String text, PythonCall call) {
        call.takes(1, 3);
        Object given = call.get(0);
        List<?> candidates = given instanceof List<?> list ? list : Collections.singletonList(given);
        Window window = Window.of(text, call);
        for (Object candidate : candidates) {
            if (!(candidate instanceof CharSequence affix)) {
                throw AnsibleFilterError.typeError(
                        given instanceof List<?>
                                ? "tuple for " + call.method() + " must only contain str, not "
                                        + PythonValues.typeName(candidate)
                                : call.method() + " first arg must be str or a tuple of str, not "
                                        + PythonValues.typeName(candidate));
            }
            if (window.outside() || window.end() < window.start()) {
                continue;
            }
            String slice = text.substring(window.start(), window.end());
            if (call.method().equals("startswith")
                    ? slice.startsWith(affix.toString())
                    : slice.endsWith(affix.toString())) {
                return true;
            }
        }
        return false;
    }

    private static String join(String separator, Object iterable) {
        StringBuilder out = new StringBuilder();
        int index = 0;
        for (Object item : PythonValues.iterable(iterable)) {
            if (!(item instanceof CharSequence text)) {
                throw AnsibleFilterError.typeError("sequence item " + index + ": expected str instance, "
                        + PythonValues.typeName(item) + " found");
            }
            out.append(index++ == 0 ? "" : separator).append(text);
        }
        return out.toString();
    }

    private interface CharTest {
        boolean test(char c);
    }

    private static boolean all(String text, CharTest test) {
        if (text.isEmpty()) {
            return false;
        }
        for (char c : text.toCharArray()) {
            if (!test.test(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code isupper}/{@code islower}: some cased character, and none of the other case. */
    private static boolean cased(String text, boolean upper) {
        boolean any = false;
        for (char c : text.toCharArray()) {
            if (upper ? Character.isLowerCase(c) : Character.isUpperCase(c) || Character.isTitleCase(c)) {
                return false;
            }
            any |= upper ? Character.isUpperCase(c) || Character.isTitleCase(c) : Character.isLowerCase(c);
        }
        return any;
    }

    private static String zfill(String text, int width) {
        if (text.length() >= width) {
            return text;
        }
        String zeros = "0".repeat(width - text.length());
        boolean signed = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-');
        return signed ? text.charAt(0) + zeros + text.substring(1) : zeros + text;
    }

    private static String justify(String text, PythonCall call) {
        call.expects(1, 2);
        int width = call.integer(0, null, 0);
        Object fillArg = call.get(1, null, " ");
        if (!(fillArg instanceof CharSequence fillText)) {
            throw AnsibleFilterError.typeError(
                    "The fill character must be a unicode character, not " + PythonValues.typeName(fillArg));
        }
        if (fillText.length() != 1) {
            throw AnsibleFilterError.typeError("The fill character must be exactly one character long");
        }
        int margin = width - text.length();
        if (margin <= 0) {
            return text;
        }
        String fill = fillText.toString();
        int left = switch (call.method()) {
            case "ljust" -> 0;
            case "rjust" -> margin;
            default -> margin / 2 + (margin & width & 1);
        };
        return fill.repeat(left) + text + fill.repeat(margin - left);
    }

    private static PythonTuple partition(String text, PythonCall call, boolean fromRight) {
        String sep = call.exactlyOne().requiredText(0, "must be str, not TYPE");
        requireSeparator(sep);
        int at = fromRight ? text.lastIndexOf(sep) : text.indexOf(sep);
        if (at < 0) {
            return fromRight ? PythonTuple.of("", "", text) : PythonTuple.of(text, "", "");
        }
        return PythonTuple.of(text.substring(0, at), sep, text.substring(at + sep.length()));
    }
}
