package dev.rolehop.engine.template.jinja;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rewrites Jinja2 template text into text Jinjava reads the same way. Inside {@code {{ }}},
 * {@code {% %}} and bare expressions:
 * <ul>
 *   <li>string literals get Jinja2's value: in {@code {{ }}} of a playbook string Ansible first
 *       doubles every backslash ({@code _escape_backslashes}), so {@code '\.'} means backslash-dot;
 *       elsewhere Python's escapes apply ({@code '\n'} is a newline, {@code '\d'} stays as is).
 *       Jinjava only knows {@code \\} and an escaped quote, so each literal is written again with
 *       just those;</li>
 *   <li>adjacent literals are joined, as Jinja2's parser does ({@code 'it''s'} is {@code its});</li>
 *   <li>names that are operators in Jinjava's expression language but plain names in Jinja2
 *       ({@code empty}, {@code div}, ...) are renamed with {@link #RESERVED_PREFIX}, under which
 *       {@code TemplateScope} also binds them;</li>
 *   <li>a test after a filter ({@code x | d(1) is number}) gets parentheses, which Jinjava needs;</li>
 *   <li>{@code ansible.builtin.} and {@code ansible.legacy.} are dropped from filter and test names.</li>
 * </ul>
 * Comments and {@code {% raw %}} blocks are left alone. The filters and tests named are listed,
 * so that unknown ones fail as Jinja2 fails them.
 */
public final class Jinja2Source {

    /** The prefix of the alias a variable with a {@link #RESERVED} name is bound under. */
    public static final String RESERVED_PREFIX = "__jinja2_name_";

    /** Operators of Jinjava's expression language that Jinja2 reads as names. */
    public static final Set<String> RESERVED =
            Set.of("empty", "div", "mod", "eq", "ne", "lt", "gt", "le", "ge", "instanceof");

    /** Characters that end an operand: binary operators and separators. */
    private static final String OPERATOR_CHARS = "+-*/%~=<>!,:?";

    /** Words that end an operand. */
    private static final Set<String> OPERATOR_WORDS = Set.of("and", "or", "not", "in", "if", "else");

    /** Words that bind more loosely than a unary {@code not}, ending its operand. */
    private static final Set<String> ENDS_NOT = Set.of("and", "or", "if", "else");

    private final String text;
    private final StringBuilder out;
    private int at;
    private Operand topLevel;
    private final Set<String> filters = new TreeSet<>();
    private final Set<String> tests = new TreeSet<>();

    private Jinja2Source(String text) {
        this.text = text;
        this.out = new StringBuilder(text.length() + 16);
    }

    /**
     * Rewrites a template.
     *
     * @param escapeBackslashes whether {@code {{ }}} literals are read after Ansible's doubling of
     *     backslashes (playbook strings), or with Python's escapes (template files)
     */
    public static Rewritten template(String text, boolean escapeBackslashes) {
        Jinja2Source source = new Jinja2Source(text);
        source.scanTemplate(escapeBackslashes);
        return source.rewritten();
    }

    /** Rewrites a bare expression ({@code when}, {@code debug var}), whose literals use Python's escapes. */
    public static Rewritten expression(String expression) {
        Jinja2Source source = new Jinja2Source(expression);
        source.scanExpression(null, false);
        return source.rewritten();
    }

    /**
     * Template text as Jinjava reads it, and the filters and tests it names.
     *
     * @param text the rewritten text
     * @param filters the names of the filters it applies
     * @param tests the names of the tests it applies
     */
    public record Rewritten(String text, Set<String> filters, Set<String> tests) {}

    private Rewritten rewritten() {
        return new Rewritten(out.toString(), Set.copyOf(filters), Set.copyOf(tests));
    }

    /**
     * Whether a bare expression's value is the result of one of the filters, applied last to the
     * whole expression ({@code x | to_json}, not {@code 'a' ~ x | to_json}).
     */
    public static boolean endsWithFilter(String expression, Set<String> filters) {
        Jinja2Source source = new Jinja2Source(expression);
        source.scanExpression(null, false);
        Operand whole = source.topLevel;
        return !whole.restarted && whole.lastFilter != null && filters.contains(whole.lastFilter);
    }

    private void scanTemplate(boolean escapeBackslashes) {
        while (at < text.length()) {
            if (text.startsWith("{#", at)) {
                copyThrough("#}");
            } else if (text.startsWith("{{", at)) {
                copy(2);
                scanExpression("}}", escapeBackslashes);
            } else if (text.startsWith("{%", at)) {
                if (isRawBlock()) {
                    copyThrough("endraw");
                    copyThrough("%}");
                } else {
                    copy(2);
                    scanExpression("%}", false);
                }
            } else {
                copy(1);
            }
        }
    }

    private boolean isRawBlock() {
        int i = at + 2;
        while (i < text.length()
                && (text.charAt(i) == '-' || text.charAt(i) == '+' || Character.isWhitespace(text.charAt(i)))) {
            i++;
        }
        return text.startsWith("raw", i) && (i + 3 >= text.length() || !isNamePart(text.charAt(i + 3)));
    }

    /** Rewrites an expression up to and including {@code end}, or to the end of the text when null. */
    private void scanExpression(String end, boolean escapeBackslashes) {
        Deque<Operand> operands = new ArrayDeque<>();
        operands.push(new Operand(out.length()));
        boolean testName = false;
        boolean filterName = false;
        char previous = ' ';
        while (at < text.length()) {
            if (end != null && text.startsWith(end, at)) {
                operands.forEach(this::closeNots);
                copy(end.length());
                return;
            }
            char c = text.charAt(at);
            Operand operand = operands.peek();
            if (c == '\'' || c == '"') {
                literals(escapeBackslashes);
                testName = false;
            } else if (Character.isLetter(c) || c == '_') {
                String word = word();
                boolean pluginName = filterName || (testName && !word.equals("not"));
                if (pluginName) {
                    word = pluginName(word);
                }
                if (filterName) {
                    operand.lastFilter = word;
                    filters.add(word);
                } else if (pluginName) {
                    tests.add(word);
                } else if (word.equals("is") && operand.filtered) {
                    // Jinja2 tests the whole filtered value; Jinjava cannot parse "is" after a filter
                    int start = operand.start;
                    while (Character.isWhitespace(out.charAt(start))) {
                        start++;
                    }
                    out.insert(start, '(').append(") ");
                    operand.filtered = false;
                } else if (!testName && previous != '.' && OPERATOR_WORDS.contains(word)) {
                    if (ENDS_NOT.contains(word)) {
                        closeNots(operand);
                    }
                    if (word.equals("not") && !nextWordIs("in")) {
                        // Jinja2's "not" takes a whole comparison (not a == b); Jinjava's binds tighter
                        out.append("not (");
                        operand.openNots++;
                        operand.restart(out.length());
                        previous = '(';
                        continue;
                    }
                    operand.restart(out.length() + word.length());
                }
                boolean isName = previous != '.' && !testName && !filterName && !isKeywordArgument();
                out.append(isName && RESERVED.contains(word) ? RESERVED_PREFIX + word : word);
                // after "is" and "is not" comes a test's name, which is no variable
                testName = word.equals("is") || (testName && word.equals("not"));
                filterName = false;
                c = 'a';
            } else if (c == '.' && (previous == 'a' || previous == ')' || previous == ']') && isIndexAfterDot()) {
                // Jinja2 reads item.0 as item[0]; Jinjava cannot parse a number after a dot
                at++;
                out.append('[').append(word()).append(']');
                c = ']';
            } else {
                if (",:".indexOf(c) >= 0 || (")]}".indexOf(c) >= 0 && operands.size() > 1)) {
                    closeNots(operand);
                }
                copy(1);
                if ("([{".indexOf(c) >= 0) {
                    operands.push(new Operand(out.length()));
                } else if (")]}".indexOf(c) >= 0 && operands.size() > 1) {
                    operands.pop();
                } else if (c == '|') {
                    operand.filtered = true;
                    filterName = true;
                } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                    operand.restart(out.length());
                }
                if (!Character.isWhitespace(c)) {
                    testName = false;
                }
            }
            if (!Character.isWhitespace(c)) {
                previous = c;
            }
        }
        operands.forEach(this::closeNots);
        topLevel = operands.getLast();
    }

    /** Closes the parentheses opened after each unary {@code not} of the operand. */
    private void closeNots(Operand operand) {
        out.append(")".repeat(operand.openNots));
        operand.openNots = 0;
    }

    /** Whether the next word after the read position, past whitespace, is {@code word}. */
    private boolean nextWordIs(String word) {
        int next = nextNonSpace();
        return text.startsWith(word, next)
                && (next + word.length() == text.length() || !isNamePart(text.charAt(next + word.length())));
    }

    /** Whether the dot at {@code at} is followed by an integer and nothing else of a name ({@code .0}, not {@code .0x}). */
    private boolean isIndexAfterDot() {
        int next = at + 1;
        while (next < text.length() && Character.isDigit(text.charAt(next))) {
            next++;
        }
        return next > at + 1 && (next == text.length() || !isNamePart(text.charAt(next)));
    }

    /** Whether the word just read names a keyword argument ({@code f(empty=1)}). */
    private boolean isKeywordArgument() {
        int next = nextNonSpace();
        return next < text.length() && text.charAt(next) == '=' && !text.startsWith("==", next);
    }

    /** The index of the first character at or after the read position that is not whitespace. */
    private int nextNonSpace() {
        int next = at;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        return next;
    }

    /**
     * Reads a filter's or test's name; Ansible's own plugins may be named in full
     * ({@code ansible.builtin.to_json}), which Jinjava cannot parse, so the prefix is dropped.
     */
    private String pluginName(String first) {
        StringBuilder name = new StringBuilder(first);
        while (at + 1 < text.length() && text.charAt(at) == '.' && Character.isLetter(text.charAt(at + 1))) {
            at++;
            name.append('.').append(word());
        }
        for (String prefix : List.of("ansible.builtin.", "ansible.legacy.")) {
            if (name.indexOf(prefix) == 0) {
                return name.substring(prefix.length());
            }
        }
        return name.toString();
    }

    private String word() {
        int start = at;
        while (at < text.length() && isNamePart(text.charAt(at))) {
            at++;
        }
        return text.substring(start, at);
    }

    /** The operand an operator applies to: where it starts in the output and its filters. */
    private static final class Operand {
        int start;
        boolean filtered;
        boolean restarted;
        String lastFilter;
        int openNots;

        Operand(int start) {
            this.start = start;
        }

        void restart(int at) {
            start = at;
            filtered = false;
            restarted = true;
            lastFilter = null;
        }
    }

    /** Reads one literal and any literals right after it, and writes their joined value as one literal. */
    private void literals(boolean escapeBackslashes) {
        char quote = text.charAt(at);
        StringBuilder value = new StringBuilder();
        while (true) {
            int close = closingQuote(at);
            if (close < 0) {
                out.append(text, at, text.length());
                at = text.length();
                return;
            }
            String raw = text.substring(at + 1, close);
            value.append(escapeBackslashes ? raw : PythonEscapes.decode(raw));
            at = close + 1;
            int next = at;
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            if (next >= text.length() || (text.charAt(next) != '\'' && text.charAt(next) != '"')) {
                break;
            }
            at = next;
        }
        out.append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == quote) {
                out.append('\\');
            }
            out.append(c);
        }
        out.append(quote);
    }

    /** The index of the quote closing the literal opened at {@code open}, or -1. */
    private int closingQuote(int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private void copy(int count) {
        int end = Math.min(text.length(), at + count);
        out.append(text, at, end);
        at = end;
    }

    private void copyThrough(String marker) {
        int found = text.indexOf(marker, at);
        int end = found < 0 ? text.length() : found + marker.length();
        out.append(text, at, end);
        at = end;
    }
}
