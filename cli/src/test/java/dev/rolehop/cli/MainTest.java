package dev.rolehop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class MainTest {

    private static final List<Class<?>> ALL = List.of(
            PlayCommand.class,
            WhoamiCommand.class,
            CredsCommand.class,
            ExecCommand.class,
            ServeCommand.class,
            ProfilesCommand.class,
            SsoCommand.class,
            ConsoleCommand.class,
            LocalCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class);

    @Test
    void aRunOfOneNamedCommandRegistersThatCommandAlone() {
        assertThat(Main.subcommands("play", "site.yml")).containsExactly(PlayCommand.class);
        assertThat(Main.subcommands("local", "init", "/tmp/x")).containsExactly(LocalCommand.class);
    }

    @Test
    void helpUsageErrorsAndNoCommandRegisterEveryCommandInHelpOrder() {
        assertThat(Main.subcommands()).containsExactlyElementsOf(ALL);
        assertThat(Main.subcommands("help", "play")).containsExactlyElementsOf(ALL);
        assertThat(Main.subcommands("--help")).containsExactlyElementsOf(ALL);
        assertThat(Main.subcommands("pla", "site.yml")).containsExactlyElementsOf(ALL);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--version",
                "play --version",
                "whoami -V",
                "creds -V",
                "exec -V",
                "profiles -V",
                "demo -V",
                "local init --version"
            })
    void everyCommandsVersionOptionPrintsRolehopsVersion(String args) {
        InProcessRun run = InProcessRun.of(args.split(" "));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("rolehop ").hasLineCount(1);
    }
}
