package dev.rolehop.cli.daemon;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which daemon may answer for this process: one started from the same JVM, flags and jar, in the
 * same working directory, with the same environment and umask. A daemon inherits all of these from
 * the run that started it and reads them as that run would, so its answer is the one this process
 * would have printed; any difference is another key, hence another daemon.
 *
 * @param hash the key's digest, the daemon's name in its {@link DaemonPlace}
 * @param jvm this JVM's java command and its options up to (without) the main class, to start a
 *     daemon with
 */
public record DaemonKey(String hash, List<String> jvm) {

    /**
     * Variables that differ between the callers of one session and that nothing rolehop does reads:
     * the shell's last command, its previous directory and nesting level.
     */
    private static final Set<String> IGNORED_VARIABLES = Set.of("_", "OLDPWD", "SHLVL");

    /** Options that belong to one run: a class list is written by the run that asked for it. */
    private static final String RUN_ONLY_OPTION = "-XX:DumpLoadedClassList=";

    /**
     * Options that change how fast a JVM starts, not what it prints: the launcher adds the class-data
     * archive's once the archive is dumped, after the first run, and a daemon started before that
     * must still answer the runs after it.
     */
    private static final List<String> START_UP_OPTIONS = List.of(
            "-XX:SharedArchiveFile=",
            "-Xshare:",
            "-Xlog:cds",
            "-XX:+UnlockDiagnosticVMOptions",
            "-XX:ArchiveRelocationMode=");

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    public DaemonKey {
        jvm = List.copyOf(jvm);
    }

    /**
     * The key of this process, whose main class is {@code mainClass}; empty where the JVM's command
     * line or the umask cannot be read (then no daemon answers).
     */
    static Optional<DaemonKey> of(String mainClass) {
        Optional<String[]> argv = commandLine();
        Optional<String> umask = umask();
        if (argv.isEmpty() || umask.isEmpty()) {
            return Optional.empty();
        }
        List<String> jvm = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        boolean found = false;
        for (String argument : Arrays.asList(argv.get()).subList(1, argv.get().length)) {
            if (argument.equals(mainClass)) {
                found = true;
                break;
            }
            if (!argument.startsWith(RUN_ONLY_OPTION)) {
                jvm.add(argument);
            }
        }
        if (!found) {
            return Optional.empty();
        }
        long hash = FNV_OFFSET;
        for (String part : jvm) {
            if (START_UP_OPTIONS.stream().noneMatch(part::startsWith)) {
                hash = mix(hash, part);
            }
        }
        // A rebuilt jar (same path, other classes) must not be answered by a daemon of the old one.
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry);
            hash = mix(hash, entry + '@' + file.lastModified() + '+' + file.length());
        }
        hash = mix(hash, System.getProperty("user.dir"));
        hash = mix(hash, umask.get());
        for (Map.Entry<String, String> variable : new TreeMap<>(System.getenv()).entrySet()) {
            if (!IGNORED_VARIABLES.contains(variable.getKey())) {
                hash = mix(hash, variable.getKey() + '=' + variable.getValue());
            }
        }
        String hex = Long.toHexString(hash);
        return Optional.of(new DaemonKey("0".repeat(16 - hex.length()) + hex, jvm));
    }

    /**
     * FNV-1a over the part's characters and a separator: cheap at start-up (no security provider
     * to load), and a collision only costs a declined request, as the daemon checks the whole hash.
     */
    private static long mix(long hash, String part) {
        for (int i = 0; i < part.length(); i++) {
            hash = (hash ^ part.charAt(i)) * FNV_PRIME;
        }
        return (hash ^ 0xffff) * FNV_PRIME;
    }

    /**
     * The JVM's command line, as Linux reports it: read here rather than through {@link
     * ProcessHandle}, whose first use starts a thread pool.
     */
    private static Optional<String[]> commandLine() {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            Charset charset = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
            String[] argv = new String(bytes, charset).split("\0");
            return argv.length > 1 ? Optional.of(argv) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The process's umask, as Linux reports it; Java has no call for it. */
    private static Optional<String> umask() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("Umask:")) {
                    return Optional.of(line.substring("Umask:".length()).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or no /proc: no daemon.
        }
        return Optional.empty();
    }
}
