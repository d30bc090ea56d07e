package dev.rolehop.cli.daemon;

import dev.rolehop.engine.error.ExitCode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A warm daemon: listens on a loopback port ({@link DaemonAddress}), runs each client's command line with a {@link Handler} (on
 * a thread of its own, so clients never wait for each other) and replies. It holds its lock for
 * its whole life, so a second daemon of the same key exits at once; it exits by itself when it
 * has been idle for a while ({@code ROLEHOP_DAEMON_IDLE_SECONDS}, 600 by default), when its address
 * file is removed (a user's way to stop it) and when its working folder is gone (a project, or a test's
 * temporary folder, was deleted). A rebuilt jar is another key: its clients start their own daemon,
 * and this one idles out.
 */
public final class DaemonServer {

    /** Runs one command line for a client. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(List<String> args);
    }

    static final String IDLE_VARIABLE = "ROLEHOP_DAEMON_IDLE_SECONDS";

    private static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);

    private static final int BACKLOG = 50;

    /** How long a connected client has to send its request. */
    private static final int REQUEST_MILLIS = 10_000;

    private final Path address;
    private final String key;
    private final Handler handler;
    private final PrintStream log;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicReference<Instant> lastActive = new AtomicReference<>(Instant.now());

    private DaemonServer(Path address, String key, Handler handler, PrintStream log) {
        this.address = address;
        this.key = key;
        this.handler = handler;
        this.log = log;
    }

    /**
     * Serves clients of {@code key} on a loopback port, written with its secrets to {@code address},
     * until it is time to exit, logging to {@code log}; the process's exit code.
     */
    public static int serve(Path address, String key, Handler handler, PrintStream log) {
        return new DaemonServer(address, key, handler, log).serve();
    }

    private int serve() {
        Path lockFile = new DaemonPlace(address.getParent()).lock(key);
        try (FileChannel lockChannel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                log("another daemon of this key runs; exiting");
                return ExitCode.OK;
            }
            try (ServerSocket server = new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress())) {
                DaemonAddress listening = DaemonAddress.listeningOn(server.getLocalPort());
                // The lock is held: an address file left here is a dead daemon's.
                listening.write(address);
                log("started, pid " + ProcessHandle.current().pid() + ", port " + listening.port());
                try {
                    accept(server, listening);
                } finally {
                    if (isListed(listening)) {
                        Files.delete(address);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            log("cannot serve: " + e);
            return ExitCode.ERROR;
        }
        return ExitCode.OK;
    }

    /** Answers each client on a thread of its own until the watchdog closes the server. */
    private void accept(ServerSocket server, DaemonAddress listening) {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads());
        watchdog.scheduleWithFixedDelay(() -> exitIfDone(server, listening), 1, 1, TimeUnit.SECONDS);
        ExecutorService workers = Executors.newCachedThreadPool(daemonThreads());
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            running.incrementAndGet();
            workers.execute(() -> answer(client, listening));
        }
    }

    private void answer(Socket client, DaemonAddress listening) {
        Instant start = Instant.now();
        try (client) {
            // A client that connects and then says nothing must not hold a thread for long.
            client.setSoTimeout(REQUEST_MILLIS);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
            out.writeUTF(listening.daemonSecret());
            out.flush();
            Request request;
            try {
                request = Request.readFrom(new DataInputStream(new BufferedInputStream(client.getInputStream())));
            } catch (IOException e) {
                log("unreadable request: " + e.getMessage());
                return;
            }
            if (!listening.isClientSecret(request.secret())) {
                log("a request without the client secret, refused");
                return;
            }
            Reply reply = request.key().equals(key) ? handle(request.args()) : Reply.declined("another key");
            reply.writeTo(out);
            // Only the command's name: its options may hold an MFA code.
            String command =
                    request.args().isEmpty() ? "(none)" : request.args().get(0);
            long millis = Duration.between(start, Instant.now()).toMillis();
            log(
                    reply.isServed()
                            ? "served " + command + ", exit " + reply.exitCode() + ", " + millis + " ms"
                            : "declined " + command + ": " + reply.declined());
        } catch (IOException e) {
            log("reply not sent: " + e.getMessage());
        } finally {
            lastActive.set(Instant.now());
            running.decrementAndGet();
        }
    }

    /** The handler's reply; a declined one if it fails in any way, so the client answers itself. */
    private Reply handle(List<String> args) {
        try {
            return handler.handle(args);
        } catch (RuntimeException | Error e) {
            return Reply.declined("the daemon failed: " + e.getClass().getSimpleName());
        }
    }

    private void exitIfDone(ServerSocket server, DaemonAddress listening) {
        String reason = reasonToExit(listening);
        if (reason != null) {
            log("exiting: " + reason);
            try {
                // Ends the accept loop, which removes the address file.
                server.close();
            } catch (IOException e) {
                log("cannot close the socket: " + e.getMessage());
            }
        }
    }

    /**
     * Whether the address file still names {@code listening}: a user removes it to stop this daemon,
     * and only this daemon's own file is removed when it ends.
     */
    private boolean isListed(DaemonAddress listening) {
        return DaemonAddress.read(address).filter(listening::equals).isPresent();
    }

    private String reasonToExit(DaemonAddress listening) {
        if (!isListed(listening)) {
            return "its address file was removed";
        }
        if (!Files.isDirectory(Path.of(System.getProperty("user.dir")))) {
            return "its working folder is gone";
        }
        if (running.get() == 0 && lastActive.get().plus(idleTime()).isBefore(Instant.now())) {
            return "idle";
        }
        return null;
    }

    private static Duration idleTime() {
        String seconds = System.getenv(IDLE_VARIABLE);
        try {
            return seconds == null ? DEFAULT_IDLE : Duration.ofSeconds(Long.parseLong(seconds));
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE;
        }
    }

    private void log(String message) {
        log.println(Instant.now() + " rolehop daemon " + key + ": " + message);
        log.flush();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        };
    }
}
