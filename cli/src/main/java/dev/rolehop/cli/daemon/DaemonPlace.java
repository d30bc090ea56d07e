package dev.rolehop.cli.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder of a user's daemons: {@code ROLEHOP_DAEMON_DIR}, else {@code $XDG_RUNTIME_DIR/rolehop},
 * else {@code rolehop-USER} in the temporary folder. A daemon answers with its user's credentials,
 * so the folder must be the user's own and closed to everyone else (0700): one that is not, for
 * instance made in {@code /tmp} by another user first, is not used, and every run answers itself.
 * Each daemon has an address file, a lock and a log there, named by its {@link DaemonKey}.
 */
public record DaemonPlace(Path directory) {

    static final String DIRECTORY_VARIABLE = "ROLEHOP_DAEMON_DIR";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** The user's folder, made if missing; empty when it cannot be made or is not private. */
    static Optional<DaemonPlace> of(Map<String, String> environment) {
        String user = System.getProperty("user.name");
        Path directory;
        if (present(environment.get(DIRECTORY_VARIABLE))) {
            directory = Path.of(environment.get(DIRECTORY_VARIABLE));
        } else if (present(environment.get("XDG_RUNTIME_DIR"))) {
            directory = Path.of(environment.get("XDG_RUNTIME_DIR"), "rolehop");
        } else {
            directory = Path.of(System.getProperty("java.io.tmpdir"), "rolehop-" + user);
        }
        try {
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            // The owner as a number: /proc/self belongs to the process's user (no user database to read).
            Object owner = Files.getAttribute(directory, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)
                    || !owner.equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))
                    || !Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS)
                            .equals(OWNER_ONLY)) {
                return Optional.empty();
            }
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        return Optional.of(new DaemonPlace(directory.toAbsolutePath()));
    }

    /** Where the daemon of {@code key} listens ({@link DaemonAddress}); removing it stops the daemon. */
    Path address(String key) {
        return directory.resolve(key + ".addr");
    }

    /** What the daemon of {@code key} holds while it runs, so that a second one does not start. */
    Path lock(String key) {
        return directory.resolve(key + ".lock");
    }

    /** What the daemon of {@code key} logs: start, each request's command and outcome, exit. */
    Path log(String key) {
        return directory.resolve(key + ".log");
    }

    /**
     * How many daemons run here now: one lock held each. A lock file that no process holds is a
     * daemon's that ended or was killed, and does not count.
     */
    long running() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".lock"))
                    .filter(DaemonPlace::held)
                    .count();
        }
    }

    private static boolean held(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
