package dev.rolehop.engine.error;

/**
 * The remedies Ansible appends to an error's offending line when it looks like a common YAML
 * mistake ({@code ansible/errors/yaml_strings.py}, chosen as {@code AnsibleError._get_extended_error}
 * chooses them): a tab, a template that starts a value without quotes, a dict where a template
 * was meant, an extra unquoted colon, a value partially quoted or with unbalanced quotes.
 */
final class YamlHints {

    static final String LEADING_TAB = """
            There appears to be a tab character at the start of the line.

            YAML does not use tabs for formatting. Tabs should be replaced with spaces.

            For example:
                - name: update tooling
                  vars:
                    version: 1.2.3
            #    ^--- there is a tab there.

            Should be written as:
                - name: update tooling
                  vars:
                    version: 1.2.3
            # ^--- all spaces here.
            """;

    static final String UNQUOTED_VARIABLE = """
            We could be wrong, but this one looks like it might be an issue with
            missing quotes. Always quote template expression brackets when they
            start a value. For instance:

                with_items:
                  - {{ foo }}

            Should be written as:

                with_items:
                  - "{{ foo }}"
            """;

    static final String DICT = """
            This one looks easy to fix. YAML thought it was looking for the start of a
            hash/dictionary and was confused to see a second "{". Most likely this was
            meant to be an ansible template evaluation instead, so we have to give the
            parser a small hint that we wanted a string instead. The solution here is to
            just quote the entire value.

            For instance, if the original line was:

                app_path: {{ base_path }}/foo

            It should be written as:

                app_path: "{{ base_path }}/foo"
            """;

    static final String UNQUOTED_COLON = """
            This one looks easy to fix. There seems to be an extra unquoted colon in the line
            and this is confusing the parser. It was only expecting to find one free
            colon. The solution is just add some quotes around the colon, or quote the
            entire line after the first colon.

            For instance, if the original line was:

                copy: src=file.txt dest=/path/filename:with_colon.txt

            It can be written as:

                copy: src=file.txt dest='/path/filename:with_colon.txt'

            Or:

                copy: 'src=file.txt dest=/path/filename:with_colon.txt'
            """;

    static final String PARTIALLY_QUOTED_LINE = """
            This one looks easy to fix. It seems that there is a value started
            with a quote, and the YAML parser is expecting to see the line ended
            with the same kind of quote. For instance:

                when: "ok" in result.stdout

            Could be written as:

               when: '"ok" in result.stdout'

            Or equivalently:

               when: "'ok' in result.stdout"
            """;

    static final String UNBALANCED_QUOTES = """
            We could be wrong, but this one looks like it might be an issue with
            unbalanced quotes. If starting a value with a quote, make sure the
            line ends with the same set of quotes. For instance this arbitrary
            example:

                foo: "bad" "wolf"

            Could be written as:

                foo: '"bad" "wolf"'
            """;

    private YamlHints() {}

    /**
     * The hints for the offending line, as Ansible 2.14 picks them (its tests, in its order, even
     * where they are loose: a line with a template anywhere gets the missing-quotes hint).
     *
     * @param line the line as Python's {@code readlines()} gives it, with its line end
     * @param column the error's 1-based column (Ansible indexes the line with it, 0-based)
     */
    static String forLine(String line, int column) {
        StringBuilder hints = new StringBuilder();
        if (line.indexOf('\t') >= 0) {
            hints.append(LEADING_TAB);
        }
        String stripped = line.replace(" ", "");
        if (line.contains("{{") && line.contains("}}") && (!line.contains("\"{{") || !line.contains("'{{"))) {
            hints.append(UNQUOTED_VARIABLE);
        } else if (stripped.contains(":{{") && stripped.contains("}}")) {
            hints.append(DICT);
        } else if (line.length() > 1
                && column >= 0
                && line.length() > column
                && line.charAt(column) == ':'
                && count(line, ':') > 1) {
            hints.append(UNQUOTED_COLON);
        } else {
            String[] parts = line.split(":", -1);
            if (parts.length > 1) {
                String middle = parts[1].strip();
                boolean match = middle.startsWith("'") && !middle.endsWith("'")
                        || middle.startsWith("\"") && !middle.endsWith("\"");
                boolean unbalanced = !middle.isEmpty()
                                && isQuote(middle.charAt(0))
                                && isQuote(middle.charAt(middle.length() - 1))
                                && count(line, '\'') > 2
                        || count(line, '"') > 2;
                if (match) {
                    hints.append(PARTIALLY_QUOTED_LINE);
                }
                if (unbalanced) {
                    hints.append(UNBALANCED_QUOTES);
                }
            }
        }
        return hints.toString();
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
