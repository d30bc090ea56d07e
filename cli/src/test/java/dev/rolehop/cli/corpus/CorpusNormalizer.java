package dev.rolehop.cli.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes the stdout of one corpus run so that {@code ansible-playbook} and {@code rolehop play}
 * can be compared line for line; the single place of these rules, used by the corpus recorder
 * ({@code engine/src/test/corpus/record}, which runs this file with {@code java}) and by
 * {@link CorpusIT}.
 *
 * <p>It changes only what legitimately differs between two runs or two implementations:
 * <ol>
 *   <li><b>Paths</b>: every occurrence of the case folder's absolute path (as given and as its
 *       real path) becomes {@code <CASE>}; each run works in a fresh copy of the case folder.</li>
 *   <li><b>Timings</b>: the timestamps of command/shell/pause results ({@code "start"},
 *       {@code "end"}, {@code "stop"}: {@code "2026-01-01 10:00:00.123456"}) become
 *       {@code "<time>"}, and their durations ({@code "delta": "0:00:00.004512"}) become
 *       {@code "<delta>"}.</li>
 *   <li><b>Warnings</b>: lines starting with {@code [WARNING]: } or {@code [DEPRECATION WARNING]: },
 *       with their indented continuation lines, are dropped (Ansible sends them to stderr, whose
 *       wording and place differ between Python and Java).</li>
 *   <li><b>Tracebacks</b>: the text after {@code An exception occurred during task execution. ...
 *       The error was: } (a Python exception's last line) becomes {@code <exception>}, and the
 *       value of an {@code "exception"} key in a JSON result becomes {@code "<traceback>"}.</li>
 *   <li><b>Who is talking</b> ({@code -vv} and above): the version line
 *       ({@code ansible-playbook [core 2.14.18]}, {@code rolehop play [rolehop 0.1.0]}) becomes
 *       {@code <program> [<version>]}, and the indented installation lines under it (module and
 *       library locations, Python or Java version) become one {@code   <installation>} line;
 *       {@code   config file = ...} is kept. Lines only Ansible's plugin machinery prints are
 *       dropped: callback and inventory plugins being loaded, skipped or declining
 *       {@code /etc/ansible/hosts}, and the {@code -vvvv} options rolehop has not
 *       ({@code connection: smart}, {@code timeout: 10}, {@code become_method: sudo}, and the
 *       default {@code inventory: ('/etc/ansible/hosts',)}), and {@code extra_vars: (...)}, which
 *       rolehop does not print because it carries secrets such as MFA codes.</li>
 *   <li><b>Async job ids</b>: a job id ({@code j} and a random number, a dot and the id of the
 *       process that ran the job: {@code j386474592711.4242}) after {@code =}, {@code "} or
 *       {@code /} becomes {@code <jid>}.</li>
 * </ol>
 * Nothing else is touched: not whitespace, not ordering, not the recap.
 */
public final class CorpusNormalizer {

    /** What replaces the case folder's path. */
    public static final String CASE_TOKEN = "<CASE>";

    private static final Pattern TIMESTAMP =
            Pattern.compile("\"(start|end|stop)\": \"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d+\"");
    private static final Pattern JOB_ID = Pattern.compile("(?<=[=\"/])j\\d{1,12}\\.\\d+\\b");
    private static final Pattern DELTA = Pattern.compile("\"delta\": \"\\d+:\\d{2}:\\d{2}\\.\\d+\"");
    private static final Pattern WARNING = Pattern.compile("^\\[(DEPRECATION )?WARNING\\]: ");
    private static final Pattern CONTINUATION = Pattern.compile("^\\s+\\S");
    private static final Pattern EXCEPTION_LINE =
            Pattern.compile("^(An exception occurred during task execution\\. .*The error was: ).*$");
    private static final Pattern EXCEPTION_KEY = Pattern.compile("\"exception\": \"(?:[^\"\\\\]|\\\\.)*\"");

    private static final Pattern VERSION_LINE =
            Pattern.compile("^(ansible-playbook \\[core [^\\]]+\\]|rolehop play \\[rolehop [^\\]]+\\])$");
    private static final Pattern INSTALLATION_LINE = Pattern.compile("^  [\\w ]+ = .*$");
    private static final Pattern ANSIBLE_PLUGIN_LINE = Pattern.compile("^(?:"
            + "Skipping callback '[^']+', as we already have a stdout callback\\."
            + "|Loading callback plugin \\S+ of type \\S+, v2\\.0 from \\S+"
            + "|setting up inventory plugins"
            + "|\\w+ declined parsing /etc/ansible/hosts as it did not pass its verify_file\\(\\) method"
            + "|Skipping due to inventory source not existing or not being readable by the current user"
            + "|connection: smart|timeout: 10|become_method: sudo|inventory: \\('/etc/ansible/hosts',\\)"
            + "|extra_vars: \\(.*\\))$");

    private final List<String> casePaths;

    /** Creates a normalizer for a run in {@code caseDir} (the folder the tool ran in). */
    public CorpusNormalizer(Path caseDir) {
        List<String> paths = new ArrayList<>();
        Path absolute = caseDir.toAbsolutePath().normalize();
        paths.add(absolute.toString());
        try {
            String real = absolute.toRealPath().toString();
            if (!paths.contains(real)) {
                paths.add(real);
            }
        } catch (IOException e) {
            // The folder may already be gone; the absolute path is still replaced.
        }
        // Longest first, so that a path which contains the other is replaced whole.
        paths.sort((a, b) -> b.length() - a.length());
        this.casePaths = List.copyOf(paths);
    }

    /** Returns {@code stdout} with the rules above applied. */
    public String normalize(String stdout) {
        String text = stdout;
        for (String path : casePaths) {
            text = text.replace(path, CASE_TOKEN);
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean inWarning = false;
        boolean inHeader = false;
        boolean installationShown = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (VERSION_LINE.matcher(line).matches()) {
                inHeader = true;
                installationShown = false;
                out.append("<program> [<version>]\n");
                continue;
            }
            if (inHeader && INSTALLATION_LINE.matcher(line).matches()) {
                if (line.startsWith("  config file = ")) {
                    out.append(line).append('\n');
                } else if (!installationShown) {
                    installationShown = true;
                    out.append("  <installation>\n");
                }
                continue;
            }
            inHeader = false;
            if (ANSIBLE_PLUGIN_LINE.matcher(line).matches()) {
                continue;
            }
            if (WARNING.matcher(line).find()) {
                inWarning = true;
                continue;
            }
            if (inWarning && CONTINUATION.matcher(line).find()) {
                continue;
            }
            inWarning = false;
            line = TIMESTAMP.matcher(line).replaceAll("\"$1\": \"<time>\"");
            line = DELTA.matcher(line).replaceAll("\"delta\": \"<delta>\"");
            line = JOB_ID.matcher(line).replaceAll("<jid>");
            line = EXCEPTION_KEY.matcher(line).replaceAll("\"exception\": \"<traceback>\"");
            Matcher exception = EXCEPTION_LINE.matcher(line);
            if (exception.matches()) {
                line = exception.group(1) + "<exception>";
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Normalizes stdin to stdout for a run in the folder given as the only argument; the
     * recorder's entry point ({@code java CorpusNormalizer.java CASE_DIR < raw > normalized}).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CorpusNormalizer CASE_DIR < raw-stdout > normalized-stdout");
            System.exit(2);
        }
        String raw = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        System.out.write(new CorpusNormalizer(Path.of(args[0])).normalize(raw).getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }
}
