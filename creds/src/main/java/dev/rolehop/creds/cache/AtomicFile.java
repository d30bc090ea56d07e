package dev.rolehop.creds.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file atomically: the content goes to a temporary file beside it (created with the
 * final mode, so a secret is never readable by others, not even for a moment), is fsynced, and
 * is renamed over the file. A reader sees the old content or the new, never half of either.
 */
public final class AtomicFile {

    /** Owner read and write only: files holding secrets. */
    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private AtomicFile() {}

    /**
     * Creates {@code directory} (and its parents) if needed and makes it 0700: the AWS CLI creates
     * its cache directories with the umask's mode, and they hold secrets. A file standing where the
     * directory should be is never changed.
     *
     * @throws java.nio.file.NotDirectoryException when a file stands there
     */
    public static void ensurePrivateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory.getParent());
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // created meanwhile by another process, or a file stands there (never chmod a file)
                if (!Files.isDirectory(directory)) {
                    throw new java.nio.file.NotDirectoryException(directory.toString());
                }
            }
        }
        if (!Files.getPosixFilePermissions(directory).equals(PRIVATE_DIRECTORY)) {
            Files.setPosixFilePermissions(directory, PRIVATE_DIRECTORY);
        }
    }

    /** Writes {@code content} to {@code file} (whose directory exists) with {@code mode}. */
    public static void write(Path file, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        Path temp = Files.createTempFile(
                file.toAbsolutePath().getParent(),
                "." + file.getFileName() + "-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(mode));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            // The temporary file's mode is masked by the umask at creation: set it exactly.
            Files.setPosixFilePermissions(temp, mode);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
