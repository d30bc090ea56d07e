package dev.rolehop.cli.play;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during {@code rolehop play}: ansible-playbook's message and exit code 99, and no command left running. */
class PlayInterruptIT {

    @Test
    void anInterruptedRunSaysSoStopsItsCommandsAndExits99(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("still-running");
        Files.writeString(dir.resolve("playbook.yml"), """
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  tasks:
                    - name: interrupt rolehop as Ctrl-C would, then outlive it unless stopped
                      shell: kill -INT $PPID; sleep 5; touch %s
                    - name: never reached
                      debug:
                        msg: reached
                """.formatted(marker));
        Path launcher = Path.of(System.getProperty("rolehop.dist"), "bin", "rolehop");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "play", "playbook.yml")
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("HOME", dir.toString());
        builder.environment()
                .put(
                        "XDG_CACHE_HOME",
                        Path.of("target", "it-cache").toAbsolutePath().toString());
        Process process = builder.start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(99);
        assertThat(Files.readString(dir.resolve("err.txt"))).endsWith(" [ERROR]: User interrupted execution\n");
        assertThat(Files.readString(dir.resolve("out.txt")))
                .doesNotContain("reached")
                .doesNotContain("PLAY RECAP");
        Thread.sleep(6000);
        assertThat(marker).doesNotExist();
    }
}
