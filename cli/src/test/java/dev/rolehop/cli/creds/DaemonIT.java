package dev.rolehop.cli.creds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.local.DemoWorld;
import dev.rolehop.local.LocalAws;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm daemon behind {@code creds} and {@code whoami}, end to end: the packaged CLI as a
 * process, its daemons in a folder of the test's own, rolehop local of the demo world in the test
 * JVM. A daemon's answer must be the one the run would have printed itself ({@code ROLEHOP_DAEMON=0}).
 */
class DaemonIT {

    private static final Pattern PID = Pattern.compile("started, pid (\\d+)");

    @TempDir
    Path dir;

    private Path world;
    private Path daemons;
    private LocalAws local;
    private RolehopProcess rolehop;

    @BeforeEach
    void start() throws IOException {
        world = DemoWorld.write(dir.resolve("demo"));
        daemons = dir.resolve("daemons");
        rolehop = new RolehopProcess(Files.createDirectories(dir.resolve("home")))
                .demoAwsFiles(dir.resolve("demo"))
                .env("ROLEHOP_DAEMON", "1")
                .env("ROLEHOP_DAEMON_DIR", daemons.toString());
        local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0));
        rolehop.env("AWS_ENDPOINT_URL", local.endpoint().toString());
    }

    @AfterEach
    void stop() throws IOException {
        local.close();
        // Removing a daemon's address file stops it: none outlives its test.
        for (Path address : addresses()) {
            Files.deleteIfExists(address);
        }
    }

    @Test
    void aWarmDaemonAnswersCredsAndWhoamiAsTheRunItselfWould() throws Exception {
        String code = LocalAws.mfaCode(world, DemoWorld.MFA_SERIAL, Instant.now());
        RolehopProcess.Result first =
                rolehop.run("creds", "--profile", "lab", "--format", "process", "--mfa-token", code);
        assertThat(first.exitCode()).as(first.output()).isZero();
        awaitDaemon();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(daemons)))
                .isEqualTo("rwx------");

        for (List<String> line : List.of(
                List.of("creds", "--profile", "lab", "--format", "process"),
                List.of("creds", "--profile", "lab", "--format", "env"),
                List.of("whoami", "--profile", "lab", "--output", "json"),
                List.of("whoami"),
                List.of("creds", "--profile", "nosuch"))) {
            String[] args = line.toArray(String[]::new);
            RolehopProcess.Result served = rolehop.run(args);
            RolehopProcess.Result itself = rolehop.env("ROLEHOP_DAEMON", "0").run(args);
            rolehop.env("ROLEHOP_DAEMON", "1");
            assertThat(served).as(String.join(" ", line)).isEqualTo(itself);
        }
        String log = log();
        assertThat(log)
                .contains("served creds, exit 0")
                .contains("served whoami, exit 0")
                .contains("served creds, exit 1")
                .as("the log names commands, never their options or output")
                .doesNotContain(code)
                .doesNotContain("lab")
                .doesNotContain(DemoWorld.ROLE_ARN);
        String secret = first.stdout()
                .replaceAll(".*\"SecretAccessKey\": \"([^\"]+)\".*", "$1")
                .strip();
        assertThat(log).doesNotContain(secret);
    }

    @Test
    void aRunThatMustAskForAnMfaCodeAsksOnItsOwnTerminal() throws Exception {
        List<String> launcher = List.of(RolehopProcess.launcher().toString());
        try (TerminalSession starter = TerminalSession.start(
                Stream.concat(launcher.stream(), Stream.of("creds")).toList(), rolehop.environment())) {
            assertThat(starter.exitCode()).as(starter.screen()).isZero();
        }
        awaitDaemon();
        List<String> whoami = Stream.concat(launcher.stream(), Stream.of("whoami", "--profile", "lab"))
                .toList();
        try (TerminalSession session = TerminalSession.start(whoami, rolehop.environment())) {
            assertThat(session.waitFor("Enter MFA code for " + DemoWorld.MFA_SERIAL + ": "))
                    .as(session.screen())
                    .isTrue();
            session.typeLine(LocalAws.mfaCode(world, DemoWorld.MFA_SERIAL, Instant.now()));
            assertThat(session.exitCode()).as(session.screen()).isZero();
            assertThat(session.screen()).contains("Account:    222222222222");
        }
        assertThat(log()).contains("declined whoami: an MFA code must be asked on the terminal");
    }

    @Test
    void aDaemonAnswersOnlyAClientThatKnowsItsSecret() throws Exception {
        rolehop.run("creds");
        awaitDaemon();
        Path address = addresses().get(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(address)))
                .isEqualTo("rw-------");
        String[] fields = Files.readString(address).strip().split(" ");
        String key = address.getFileName().toString().replace(".addr", "");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(fields[0]))) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertThat(in.readUTF())
                    .as("the daemon speaks first, with its secret")
                    .isEqualTo(fields[1]);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(0x524c4801);
            out.writeUTF("not-the-client-secret");
            out.writeUTF(key);
            out.writeInt(1);
            out.writeUTF("creds");
            out.flush();
            assertThat(in.read()).as("no answer, the connection closed").isEqualTo(-1);
        }
        assertThat(log()).contains("a request without the client secret, refused");
    }

    @Test
    void anotherEnvironmentOrFolderGetsAnotherDaemon() throws Exception {
        rolehop.run("creds");
        awaitDaemon();
        rolehop.env("SOME_SETTING", "1").run("creds");
        awaitDaemons(2);
        assertThat(addresses()).hasSize(2);
    }

    @Test
    void aDaemonExitsWhenItsAddressFileIsRemovedAndWhenIdle() throws Exception {
        rolehop.run("creds");
        ProcessHandle daemon = awaitDaemon();
        Files.delete(addresses().get(0));
        assertThat(daemon.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(log()).contains("exiting: its address file was removed");

        rolehop.env("ROLEHOP_DAEMON_IDLE_SECONDS", "1").run("creds");
        ProcessHandle idle = awaitDaemon();
        assertThat(idle.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(log()).contains("exiting: idle");
    }

    @Test
    void aFolderOthersCanEnterIsNotUsed() throws Exception {
        Files.createDirectories(daemons);
        Files.setPosixFilePermissions(daemons, PosixFilePermissions.fromString("rwxr-xr-x"));
        RolehopProcess.Result result = rolehop.run("creds", "--format", "process");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).contains("\"Version\": 1").contains("\"AccessKeyId\": ");
        try (Stream<Path> files = Files.list(daemons)) {
            assertThat(files).as("no daemon is started there").isEmpty();
        }
    }

    @Test
    void rolehopDaemonZeroStartsNone() throws Exception {
        RolehopProcess.Result result = rolehop.env("ROLEHOP_DAEMON", "0").run("creds");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(daemons).doesNotExist();
    }

    /** Waits for a daemon to listen and log its start; its process. */
    private ProcessHandle awaitDaemon() throws Exception {
        awaitDaemons(1);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        do {
            Matcher pid = PID.matcher(log());
            while (pid.find()) {
                Optional<ProcessHandle> daemon =
                        ProcessHandle.of(Long.parseLong(pid.group(1))).filter(ProcessHandle::isAlive);
                if (daemon.isPresent()) {
                    return daemon.get();
                }
            }
            // The address is written a moment before the start is logged.
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("no daemon logged its start:\n" + log());
    }

    private void awaitDaemons(int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (addresses().size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(addresses())
                .as("daemons listening in " + daemons + "\n" + log())
                .hasSize(count);
    }

    private List<Path> addresses() throws IOException {
        if (!Files.isDirectory(daemons)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(daemons)) {
            return files.filter(file -> file.toString().endsWith(".addr"))
                    .sorted()
                    .toList();
        }
    }

    private String log() throws IOException {
        if (!Files.isDirectory(daemons)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(daemons)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }
}
