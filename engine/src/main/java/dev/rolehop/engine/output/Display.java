package dev.rolehop.engine.output;

import dev.rolehop.engine.executor.SecretMasker;
import dev.rolehop.engine.module.Deprecation;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes lines to stdout and stderr as Ansible's {@code Display} does: banners padded with
 * {@code *}, warnings wrapped and shown once, colours only when enabled, every line passed through
 * the {@link SecretMasker} first. Safe to call from several threads.
 */
public final class Display {

    /** Ansible's width when stdout is not a terminal: {@code max(79, tty - 1)}. */
    public static final int COLUMNS = 79;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean color;
    private final int verbosity;
    private final SecretMasker masker;
    private final Set<String> warned = new HashSet<>();
    /** Ansible's {@code DEPRECATION_WARNINGS}: whether deprecations are shown. */
    private volatile boolean deprecations = true;

    public Display(PrintStream out, PrintStream err, boolean color, int verbosity, SecretMasker masker) {
        this.out = out;
        this.err = err;
        this.color = color;
        this.verbosity = verbosity;
        this.masker = masker;
    }

    public int verbosity() {
        return verbosity;
    }

    public SecretMasker masker() {
        return masker;
    }

    /** Prints a line (or several) on stdout, in a colour when colours are on. */
    public void display(String message, Color colour) {
        write(out, message, colour);
    }

    public void display(String message) {
        write(out, message, null);
    }

    /** Prints on stderr. */
    public void error(String message, Color colour) {
        write(err, message, colour);
    }

    /** Ansible's banner: a blank line, then the message and stars up to column 80. */
    public void banner(String message) {
        String text = message.strip();
        int stars = Math.max(3, COLUMNS - text.codePointCount(0, text.length()));
        display("\n" + text + " " + "*".repeat(stars));
    }

    /** A {@code [WARNING]: } line on stderr, wrapped to the width and shown once per text. */
    public void warning(String message) {
        String text = String.join("\n", TextWrap.wrap("[WARNING]: " + message, COLUMNS)) + "\n";
        synchronized (warned) {
            if (!warned.add(text)) {
                return;
            }
        }
        write(err, text, Color.WARN);
    }

    /**
     * Ansible's {@code display.error}: {@code [ERROR]: ...} wrapped to the width on stderr (Ansible
     * wraps {@code "\n[ERROR]: ..."}, so the line starts with the space the newline became), or
     * with {@code wrapText} false, {@code ERROR! ...} as it stands.
     */
    public void errorMessage(String message, boolean wrapText) {
        if (wrapText) {
            write(err, String.join("\n", TextWrap.wrap("\n[ERROR]: " + message, COLUMNS)) + "\n", Color.ERROR);
        } else {
            error("ERROR! " + message, Color.ERROR);
        }
    }

    /**
     * Ansible's {@code display.deprecated}: {@code [DEPRECATION WARNING]: MSG. This feature will be
     * removed ...} on stderr, wrapped to the width keeping whitespace (Ansible wraps it with
     * {@code drop_whitespace=False}, so lines may end in a space), shown once per text.
     */
    /** Hides deprecations ({@code deprecation_warnings = False}), set before the run starts. */
    public void hideDeprecations() {
        deprecations = false;
    }

    public void deprecated(Deprecation deprecation) {
        if (!deprecations) {
            return;
        }
        String text = String.join("\n", TextWrap.wrapKeepingWhitespace(deprecationMessage(deprecation), COLUMNS))
                .strip();
        synchronized (warned) {
            if (!warned.add(text)) {
                return;
            }
        }
        write(err, text, Color.DEPRECATE);
    }

    /** Ansible's {@code get_deprecation_message} for a deprecation that is not yet removed. */
    static String deprecationMessage(Deprecation deprecation) {
        String msg = deprecation.msg().strip();
        if (!msg.isEmpty() && "!?.".indexOf(msg.charAt(msg.length() - 1)) < 0) {
            msg += ".";
        }
        String collection =
                "ansible.builtin".equals(deprecation.collectionName()) ? "ansible-core" : deprecation.collectionName();
        String when = deprecation.date() != null
                ? "in a release after " + deprecation.date() + "."
                : deprecation.version() != null ? "in version " + deprecation.version() + "." : "in a future release.";
        List<String> parts = new ArrayList<>();
        parts.add("[DEPRECATION WARNING]: " + msg);
        parts.add("This feature will be removed");
        if (collection != null && !collection.isEmpty()) {
            parts.add("from " + collection);
        }
        parts.add(when);
        parts.add("Deprecation warnings can be disabled by setting deprecation_warnings=False in ansible.cfg.");
        return String.join(" ", parts);
    }

    /** A verbose line shown at the given verbosity or above. */
    public void verbose(int level, String message) {
        if (verbosity >= level) {
            display(message, Color.VERBOSE);
        }
    }

    private void write(PrintStream stream, String message, Color colour) {
        String text = masker.mask(message);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (color && colour != null) {
            text = colour.paint(text);
        }
        synchronized (this) {
            stream.println(text);
            stream.flush();
        }
    }
}
