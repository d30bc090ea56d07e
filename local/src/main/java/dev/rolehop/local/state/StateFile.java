package dev.rolehop.local.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes and reads the state file durably: a temp file in the same directory, fsync,
 * an atomic rename over the old file, then fsync of the directory, so a crash at any
 * moment leaves either the old or the new complete file. The file is 0600: it holds
 * temporary credentials.
 */
public final class StateFile {

    private StateFile() {}

    /** Atomically replaces {@code file} with {@code text}; callers serialize writes to one file. */
    public static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | FileAlreadyExistsException notPosix) {
            Files.write(temp, new byte[0]);
        }
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer data = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (data.hasRemaining()) {
                out.write(data);
            }
            out.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw new IOException(dir + " does not support atomic rename; put the state file on a local disk", e);
        }
        forceDirectory(file);
    }

    /** Fsyncs the directory of a file, so a file created or renamed there survives a crash. */
    static void forceDirectory(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // Some file systems cannot fsync a directory; the rename itself is still atomic.
        }
    }

    /** Reads the state file, or null when it does not exist yet. */
    public static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : null;
    }
}
