package dev.rolehop.engine.output;

/** The colours ansible-playbook uses for each kind of line, with their ANSI codes. */
public enum Color {
    OK("0;32"),
    CHANGED("0;33"),
    ERROR("0;31"),
    SKIP("0;36"),
    WARN("1;35"),
    DEBUG("1;30"),
    VERBOSE("0;34"),
    UNREACHABLE("1;31"),
    DEPRECATE("0;35"),
    HIGHLIGHT("1;37"),
    DIFF_ADD("0;32"),
    DIFF_REMOVE("0;31"),
    DIFF_LINES("0;36");

    private final String code;

    Color(String code) {
        this.code = code;
    }

    /** The text wrapped in this colour, line by line, as Ansible's {@code stringc}. */
    public String paint(String text) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append("\033[").append(code).append('m').append(lines[i]).append("\033[0m");
        }
        return out.toString();
    }
}
