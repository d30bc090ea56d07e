package dev.rolehop.local.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive lock of a state file: an OS lock ({@link FileChannel#tryLock}) on {@code FILE.lock}
 * beside it, which holds the owner's pid. The OS releases it when the owner exits, however it
 * exits (kill -9 included), so a stale lock file never blocks a restart; the file stays.
 */
final class StateLock implements AutoCloseable {

    /**
     * Lock files locked by this JVM. On Linux closing any channel of a file drops every lock the
     * process holds on it, so a second start in this JVM is refused before it opens a channel.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a state file. */
    static Path lockFile(Path stateFile) {
        return stateFile.resolveSibling(stateFile.getFileName() + ".lock");
    }

    /**
     * Takes the lock, or fails at once.
     *
     * @throws IllegalStateException when another process (or this one) holds it, naming its pid
     * @throws UncheckedIOException when the lock file cannot be created
     */
    static StateLock acquire(Path stateFile) {
        Path path = lockFile(stateFile.toAbsolutePath().normalize());
        if (!HELD.add(path)) {
            throw inUse(stateFile, String.valueOf(ProcessHandle.current().pid()));
        }
        try {
            return lock(stateFile, path);
        } catch (RuntimeException e) {
            HELD.remove(path);
            throw e;
        }
    }

    private static IllegalStateException inUse(Path stateFile, String owner) {
        return new IllegalStateException(stateFile + ": the state file is in use by another rolehop local"
                + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                + "; stop that one first, or give this one another --state");
    }

    private static StateLock lock(Path stateFile, Path path) {
        FileChannel channel;
        try {
            Files.createDirectories(path.getParent());
            channel = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    path + ": cannot create the lock file of state file " + stateFile + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException(path + ": cannot lock: " + e.getMessage(), e);
        }
        if (lock == null) {
            String owner = owner(channel);
            close(channel);
            throw inUse(stateFile, owner);
        }
        try {
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(true);
        } catch (IOException e) {
            // The lock holds without the pid; only the message naming the owner is poorer.
        }
        return new StateLock(path, channel, lock);
    }

    private static String owner(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return text.matches("\\d{1,19}") ? text : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was locked.
        }
    }

    /** Releases the lock (closing the channel releases it). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it anyway.
        }
        close(channel);
        HELD.remove(path);
    }
}
