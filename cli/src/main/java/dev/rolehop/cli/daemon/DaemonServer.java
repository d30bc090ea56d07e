package dev.rolehop.cli.daemon;

import dev.rolehop.engine.error.ExitCode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
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
 * A warm daemon: listens on its socket, runs each client's command line with a {@link Handler} (on
 * a thread of its own, so clients never wait for each other) and replies. It holds its lock for
 * its whole life, so a second daemon of the same key exits at once; it exits by itself when it
 * has been idle for a while ({@code ROLEHOP_DAEMON_IDLE_SECONDS}, 600 by default), when its socket is
 * removed (a user's way to stop it) and when its working folder is gone (a project, or a test's
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

    private final Path socket;
    private final String key;
    private final Handler handler;
    private final PrintStream log;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicReference<Instant> lastActive = new AtomicReference<>(Instant.now());

    private DaemonServer(Path socket, String key, Handler handler, PrintStream log) {
        this.socket = socket;
        this.key = key;
        this.handler = handler;
        this.log = log;
    }

    /**
     * Serves on {@code socket} for clients of {@code key} until it is time to exit, logging to
     * {@code log}; the process's exit code.
     */
    public static int serve(Path socket, String key, Handler handler, PrintStream log) {
        return new DaemonServer(socket, key, handler, log).serve();
    }

    private int serve() {
        Path lockFile = socket.resolveSibling(key + ".lock");
        try (FileChannel lockChannel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                log("another daemon of this key runs; exiting");
                return ExitCode.OK;
            }
            // The lock is held: a socket file left here is a dead daemon's.
            Files.deleteIfExists(socket);
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
                log("started, pid " + ProcessHandle.current().pid());
                ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads());
                watchdog.scheduleWithFixedDelay(() -> exitIfDone(server), 1, 1, TimeUnit.SECONDS);
                ExecutorService workers = Executors.newCachedThreadPool(daemonThreads());
                while (server.isOpen()) {
                    SocketChannel client;
                    try {
                        client = server.accept();
                    } catch (IOException closed) {
                        break;
                    }
                    running.incrementAndGet();
                    workers.execute(() -> answer(client));
                }
            } finally {
                Files.deleteIfExists(socket);
            }
        } catch (IOException | RuntimeException e) {
            log("cannot serve: " + e);
            return ExitCode.ERROR;
        }
        return ExitCode.OK;
    }

    private void answer(SocketChannel client) {
        Instant start = Instant.now();
        try (client) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
            Request request;
            try {
                request =
                        Request.readFrom(new DataInputStream(new BufferedInputStream(Channels.newInputStream(client))));
            } catch (IOException e) {
                log("unreadable request: " + e.getMessage());
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

    private void exitIfDone(ServerSocketChannel server) {
        String reason = reasonToExit();
        if (reason != null) {
            log("exiting: " + reason);
            try {
                // Ends the accept loop, which removes the socket.
                server.close();
            } catch (IOException e) {
                log("cannot close the socket: " + e.getMessage());
            }
        }
    }

    private String reasonToExit() {
        if (!Files.exists(socket)) {
            return "its socket was removed";
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
