package dev.rolehop.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs CPython on a few thousand values (random floats, strings across Unicode, nested lists and
 * dicts, from a fixed seed) and checks that repr, str, json.dumps (both escapings, sorted and
 * indented) and bool agree for every one. Skips when no {@code python3} is on the PATH; the
 * recorded expectations of the other tests hold regardless.
 */
class CPythonDifferentialTest {

    private static final String SCRIPT = """
            import json, sys
            for line in open(sys.argv[1], encoding='utf-8'):
                v = json.loads(line)
                print(json.dumps([repr(v), str(v), json.dumps(v),
                                  json.dumps(v, ensure_ascii=False, sort_keys=True, indent=4), bool(v)]))
            """;

    @TempDir
    Path dir;

    @Test
    void reprStrJsonAndTruthAgreeWithCPythonOnRandomValues() throws IOException, InterruptedException {
        List<Object> values = values(new Random(11));
        StringBuilder input = new StringBuilder();
        values.forEach(value -> input.append(Json.dumps(value)).append('\n'));
        Path file = Files.writeString(dir.resolve("values.jsonl"), input.toString());
        Path script = Files.writeString(dir.resolve("show.py"), SCRIPT);
        List<String> lines = python(script, file);
        assumeTrue(lines != null, "no python3 on the PATH");

        assertThat(lines).hasSameSizeAs(values);
        for (int i = 0; i < values.size(); i++) {
            Object value = Json.loads(Json.dumps(values.get(i)));
            List<Object> expected = List.of(
                    PythonRepr.repr(value),
                    PythonRepr.str(value),
                    Json.dumps(value),
                    Json.dumps().ensureAscii(false).sortKeys(true).indent(4).write(value),
                    Truth.of(value));
            assertThat(Json.loads(lines.get(i)))
                    .as("value %s", Json.dumps(value))
                    .isEqualTo(expected);
        }
    }

    private static List<String> python(Path script, Path file) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("python3", script.toString(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return null;
        }
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0 ? lines : null;
    }

    private static List<Object> values(Random random) {
        List<Object> values = new ArrayList<>(List.of(
                0L,
                -1L,
                Long.MAX_VALUE,
                0.0,
                -0.0,
                1.0,
                0.1,
                1e16,
                1e-5,
                1e22,
                123456789.123,
                5e-324,
                Double.MAX_VALUE,
                "",
                "'",
                "\"",
                "'\"",
                "\u007f",
                "\u00ad",
                "\ud83d\ude00"));
        for (int i = 0; i < 800; i++) {
            values.add(Double.longBitsToDouble(random.nextLong()));
        }
        for (int i = 0; i < 800; i++) {
            values.add(string(random));
        }
        for (int i = 0; i < 300; i++) {
            values.add(nested(random, 3));
        }
        values.removeIf(value -> value instanceof Double d && !Double.isFinite(d));
        return values;
    }

    private static String string(Random random) {
        int[] starts = {0x00, 0x20, 0x7f, 0xa0, 0x300, 0x2000, 0xd7f0, 0xe000, 0xfff0, 0x1f600, 0xe0000, 0x10fff0};
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            int c = starts[random.nextInt(starts.length)] + random.nextInt(16);
            if (c < 0xd800 || c > 0xdfff) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    private static Object nested(Random random, int depth) {
        int kind = random.nextInt(depth == 0 ? 5 : 7);
        switch (kind) {
            case 0:
                return null;
            case 1:
                return random.nextBoolean();
            case 2:
                return (long) random.nextInt(2000) - 1000;
            case 3:
                return random.nextInt(1000) / 8.0;
            case 4:
                return string(random);
            case 5: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(nested(random, depth - 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(string(random), nested(random, depth - 1));
                }
                return map;
            }
        }
    }
}
