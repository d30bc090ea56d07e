package dev.rolehop.cli.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
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
 * request, a broken connection, {@code ROLEHOP_DAEMON=0}) ends the same way: empty, and the caller
 * runs the line as if there were no daemon. Nothing is printed before a whole answer has arrived.
 *
 * <p>The daemon listens on a loopback port rather than a Unix socket: the JDK's Unix sockets cost a
 * run a security provider and a service lookup in the jar at start-up, a good part of what a
 * daemon is there to save. {@link DaemonAddress} says how both ends prove themselves.
 */
public final class DaemonClient {

    static final String SWITCH_VARIABLE = "ROLEHOP_DAEMON";

    /**
     * How long a start is given before another run may try again: a daemon that cannot start (a
     * full disk, no loopback) must not cost every later run a JVM.
     */
    private static final Duration START_BACKOFF = Duration.ofSeconds(30);

    /**
     * The most daemons a user runs at once. Each key has its own daemon, and a caller whose
     * environment changes on every call (a request id, a timestamp) would otherwise leave one
     * idling per call; past this many, runs answer themselves until some exit.
     */
    private static final int MOST_RUNNING = 4;

    /** A daemon that is there accepts at once and speaks first: waiting longer only delays the run. */
    private static final int GREETING_MILLIS = 2_000;

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
            String hash = key.get().hash();
            Optional<DaemonAddress> address = DaemonAddress.read(place.get().address(hash));
            Optional<Reply> reply = address.isEmpty()
                    ? Optional.empty()
                    : ask(address.get(), new Request(address.get().clientSecret(), hash, List.of(args)));
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

    /** The daemon's reply; empty when no daemon of {@code address} answers there. */
    private static Optional<Reply> ask(DaemonAddress address, Request request) throws IOException {
        // No proxy: the default one would be looked up (and its settings read) for a loopback port.
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            try {
                socket.connect(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), address.port()), GREETING_MILLIS);
                socket.setSoTimeout(GREETING_MILLIS);
                DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
                if (!address.isDaemonSecret(in.readUTF())) {
                    return Optional.empty();
                }
                // The daemon's run may take its time (an STS call): as long as the run here would.
                socket.setSoTimeout(0);
                request.writeTo(new DataOutputStream(new BufferedOutputStream(socket.getOutputStream())));
                return Optional.of(Reply.readFrom(in));
            } catch (IOException noDaemon) {
                return Optional.empty();
            }
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
        if (place.running() >= MOST_RUNNING) {
            return;
        }
        List<String> command =
                new ArrayList<>(List.of("/bin/sh", "-c", START_SCRIPT, "rolehop-daemon", log.toString()));
        command.addAll(key.jvm());
        command.add(daemonMainClass);
        command.add(place.address(key.hash()).toString());
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
