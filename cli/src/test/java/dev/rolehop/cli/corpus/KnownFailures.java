package dev.rolehop.cli.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The corpus cases {@code rolehop play} does not match yet, read from {@code KNOWN_FAILURES}: one
 * case per line, its folder name then a short reason; blank lines and {@code #} comments ignored.
 * The list may only shrink: a listed case that passes fails the build until its line is removed.
 */
record KnownFailures(Path file, Map<String, String> reasons) {

    static final String FILE_NAME = "KNOWN_FAILURES";

    KnownFailures {
        reasons = Map.copyOf(reasons);
    }

    /** Reads {@code corpusDir/KNOWN_FAILURES}; a missing file means no known failures. */
    static KnownFailures load(Path corpusDir) throws IOException {
        Path file = corpusDir.resolve(FILE_NAME);
        Map<String, String> reasons = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s+", 2);
                if (reasons.putIfAbsent(parts[0], parts.length > 1 ? parts[1] : "") != null) {
                    throw new IOException(file + ":" + number + ": '" + parts[0] + "' is listed twice; keep one line");
                }
            }
        }
        return new KnownFailures(file, reasons);
    }

    /** The reason a case is listed, if it is. */
    Optional<String> reason(String caseName) {
        return Optional.ofNullable(reasons.get(caseName));
    }
}
