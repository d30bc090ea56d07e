package dev.rolehop.cli.play;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolehop play --output json} prints what ansible-playbook 2.14's json callback prints
 * ({@code ANSIBLE_STDOUT_CALLBACK=json}): the golden {@code json-callback/expected.json} was
 * recorded from it by {@code cli/src/test/resources/json-callback/record}. Times, ids, command
 * timings and the run's folder are normalized on both sides; everything else must be identical.
 */
class JsonCallbackIT {

    private static final Path CASE = Path.of("src/test/resources/json-callback");

    static String normalized(String json, Path folder) {
        return json.replaceAll("\"(end|start)\": \"[^\"]*\"", "\"$1\": \"<time>\"")
                .replaceAll("\"id\": \"[^\"]*\"", "\"id\": \"<id>\"")
                .replaceAll("\"delta\": \"[^\"]*\"", "\"delta\": \"<delta>\"")
                .replace(folder.toString(), "<CASE>");
    }

    @Test
    void theJsonOutputIsAnsiblesJsonCallbackDocument(@TempDir Path dir) throws Exception {
        Files.copy(CASE.resolve("playbook.yml"), dir.resolve("playbook.yml"));
        Path launcher = Path.of(System.getProperty("rolehop.dist"), "bin", "rolehop");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "play", "--output", "json", "playbook.yml")
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.json").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("HOME", dir.toString());
        builder.environment()
                .put(
                        "XDG_CACHE_HOME",
                        Path.of("target", "it-cache").toAbsolutePath().toString());
        Process process = builder.start();

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("out.json"));
        assertThat(out)
                .containsPattern("\"id\": \"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\"")
                .containsPattern("\"start\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\"");
        assertThat(normalized(out, dir.toRealPath())).isEqualTo(Files.readString(CASE.resolve("expected.json")));
        assertThat(process.exitValue())
                .isEqualTo(Integer.parseInt(
                        Files.readString(CASE.resolve("expected.rc")).strip()));
    }
}
