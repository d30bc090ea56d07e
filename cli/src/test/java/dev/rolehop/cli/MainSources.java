package dev.rolehop.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Searches the checkout's main sources line by line, for rules a compiler does not hold. */
final class MainSources {

    /** The checkout: the tests run in the cli module's folder. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private MainSources() {}

    /**
     * The lines of the Java files under {@code paths} (folders or files, relative to the checkout)
     * that {@code pattern} finds something in, as {@code path:line: text}; comment lines are skipped.
     */
    static List<String> linesMatching(Pattern pattern, List<String> paths) {
        List<String> found = new ArrayList<>();
        for (String path : paths) {
            try (Stream<Path> sources = Files.walk(ROOT.resolve(path))) {
                for (Path source :
                        (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    List<String> lines = Files.readAllLines(source);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        boolean comment = line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
                        if (!comment && pattern.matcher(line).find()) {
                            found.add(ROOT.relativize(source) + ":" + (i + 1) + ": " + line);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }
}
