package dev.rolehop.cli.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One corpus case: a folder with {@code playbook.yml}, optional {@code args} (one command-line
 * argument per line), optional {@code expected.stdin}, and the goldens recorded from
 * ansible-playbook 2.14 ({@code expected.stdout}, {@code expected.rc}, optional
 * {@code expected.stderr.contains}, one fragment per line), plus optional
 * {@code rolehop.stderr.contains}: fragments only rolehop's stderr must contain, where rolehop goes
 * beyond Ansible without breaking it (a warning on the {@code -e sts=false} trap, a did-you-mean).
 */
record CorpusCase(
        String name,
        Path dir,
        List<String> args,
        Optional<Path> stdin,
        String expectedStdout,
        int expectedRc,
        List<String> stderrFragments,
        List<String> rolehopStderrFragments) {

    static final String PLAYBOOK = "playbook.yml";

    CorpusCase {
        args = List.copyOf(args);
        stderrFragments = List.copyOf(stderrFragments);
        rolehopStderrFragments = List.copyOf(rolehopStderrFragments);
    }

    /** Reads the case in {@code dir}; fails naming the file when a golden is missing or malformed. */
    static CorpusCase load(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        requireFile(dir, PLAYBOOK);
        requireFile(dir, "expected.stdout");
        requireFile(dir, "expected.rc");
        String rcText = Files.readString(dir.resolve("expected.rc"), StandardCharsets.UTF_8)
                .strip();
        int rc;
        try {
            rc = Integer.parseInt(rcText);
        } catch (NumberFormatException e) {
            throw new IOException(
                    dir.resolve("expected.rc") + ": not an exit code: '" + rcText
                            + "'; re-record the case with engine/src/test/corpus/record " + name,
                    e);
        }
        Path stdin = dir.resolve("expected.stdin");
        return new CorpusCase(
                name,
                dir,
                lines(dir.resolve("args"), false),
                Files.isRegularFile(stdin) ? Optional.of(stdin) : Optional.empty(),
                Files.readString(dir.resolve("expected.stdout"), StandardCharsets.UTF_8),
                rc,
                lines(dir.resolve("expected.stderr.contains"), true),
                lines(dir.resolve("rolehop.stderr.contains"), true));
    }

    /** The command line after the program name: the {@code args} lines, then the playbook. */
    List<String> commandLine() {
        List<String> line = new ArrayList<>(args);
        line.add(PLAYBOOK);
        return line;
    }

    private static void requireFile(Path dir, String file) throws IOException {
        if (!Files.isRegularFile(dir.resolve(file))) {
            throw new IOException(dir.resolve(file) + " is missing; record the case with "
                    + "engine/src/test/corpus/record " + dir.getFileName());
        }
    }

    /** Lines of an optional file, as the recorder's {@code mapfile -t} reads them. */
    private static List<String> lines(Path file, boolean skipBlank) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!(skipBlank && line.isBlank())) {
                lines.add(line);
            }
        }
        return lines;
    }
}
