package dev.rolehop.cli.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks this process's warm daemon ({@link DaemonKey}, {@link DaemonPlace}) to run a command line
 * and prints its answer; when there is none, starts one in the background for the next run and
 * leaves this run to answer itself. Anything that goes wrong on the way (no daemon, a declined
 * request, a broken socket, {@code ROLEHOP_DAEMON=0}) ends the same way: empty, and the caller runs
 * the line as if there were no daemon. Nothing is printed before a whole answer has arrived.
 */
public final class DaemonClient {

    static final String SWITCH_VARIABLE = "ROLEHOP_DAEMON";

    /**
     * How long a start is given before another run may try again: a daemon that cannot start (a
     * socket path too long, a full disk) must not cost every later run a JVM.
     */
    private static final Duration START_BACKOFF = Duration.ofSeconds(30);

    /**
     * Runs a shell that ignores the interrupt and hang-up signals, which a JVM then leaves ignored,
     * and starts the daemon in the background, detached from the caller's streams: a Ctrl-C meant
     * for a later command of the same process group, or a closed terminal, does not stop it.
     */
    private static final String START_SCRIPT = "log=$1; shift; trap '' INT HUP; \"$@\" </dev/null >>\"$log\" 2>&1 &";

    private DaemonClient() {}

    /**
     * Has the daemon run {@code args} for this process, whose main class is {@code mainClass}, and
     * prints what it printed: the exit code, or empty when this process must run the line itself.
     * {@code daemonMainClass} is the daemon's main class, started when none runs yet.
     */
    public static Optional<Integer> run(
            String mainClass, String daemonMainClass, String[] args, PrintStream out, PrintStream err) {
        Map<String, String> environment = System.getenv();
        if ("0".equals(environment.get(SWITCH_VARIABLE))) {
            return Optional.empty();
        }
        try {
            Optional<DaemonKey> key = DaemonKey.of(mainClass);
            Optional<DaemonPlace> place = DaemonPlace.of(environment);
            if (key.isEmpty() || place.isEmpty()) {
                return Optional.empty();
            }
            Optional<Reply> reply = ask(
                    place.get().socket(key.get().hash()), new Request(key.get().hash(), List.of(args)));
            if (reply.isEmpty()) {
                start(key.get(), place.get(), daemonMainClass);
                return Optional.empty();
            }
            if (!reply.get().isServed()) {
                return Optional.empty();
            }
            err.write(reply.get().err());
            err.flush();
            out.write(reply.get().out());
            out.flush();
            return Optional.of(reply.get().exitCode());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The daemon's reply; empty when no daemon listens on {@code socket}. */
    private static Optional<Reply> ask(Path socket, Request request) throws IOException {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try (channel) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException deadDaemon) {
                return Optional.empty();
            }
            request.writeTo(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel))));
            return Optional.of(
                    Reply.readFrom(new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)))));
        }
    }

    /** Starts the daemon of {@code key}, unless a start was tried a short while ago. */
    private static void start(DaemonKey key, DaemonPlace place, String daemonMainClass) throws IOException {
        Path log = place.log(key.hash());
        Instant now = Instant.now();
        if (Files.exists(log) && Files.getLastModifiedTime(log).toInstant().isAfter(now.minus(START_BACKOFF))) {
            return;
        }
        if (!Files.exists(log)) {
            Files.createFile(log);
        }
        Files.setLastModifiedTime(log, FileTime.from(now));
        List<String> command =
                new ArrayList<>(List.of("/bin/sh", "-c", START_SCRIPT, "rolehop-daemon", log.toString()));
        command.addAll(key.jvm());
        command.add(daemonMainClass);
        command.add(place.socket(key.hash()).toString());
        command.add(key.hash());
        Process shell = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            // The shell only puts the daemon in the background: it is over at once.
            shell.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
