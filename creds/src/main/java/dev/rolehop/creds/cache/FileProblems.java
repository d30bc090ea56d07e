package dev.rolehop.creds.cache;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * Says in words what went wrong with a file or directory, instead of a Java exception's name: "is
 * a file, not a directory", "permission denied", with the fix where there is one.
 */
public final class FileProblems {

    private FileProblems() {}

    /** What {@code e} means, in words: {@code permission denied}, {@code not a directory}, ... */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() == null ? "cannot be used" : lowerFirst(fs.getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : lowerFirst(e.getMessage());
    }

    /** The operating system's "Is a directory" as part of a sentence. */
    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    /**
     * Why {@code directory} cannot hold files, with the fix: it (or a directory above it) is a file,
     * or it cannot be read, written or entered. Empty when it can be used (or does not exist yet and
     * can be created).
     *
     * @param role what the directory is for, e.g. {@code "rolehop and the AWS CLI keep cached
     *     sessions there"}
     */
    public static Optional<String> directoryProblem(Path directory, String role) {
        Deque<Path> fromTop = new ArrayDeque<>();
        for (Path p = directory.toAbsolutePath(); p != null; p = p.getParent()) {
            fromTop.push(p);
        }
        for (Path p : fromTop) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p)) {
                return Optional.of(p + " is a file, not a directory, and " + role + "; move the file away (mv " + p
                        + " " + p + ".old)");
            }
        }
        if (Files.isDirectory(directory)
                && !(Files.isReadable(directory) && Files.isWritable(directory) && Files.isExecutable(directory))) {
            return Optional.of(directory + " cannot be read and written by you, and " + role
                    + "; give it back to your user (chmod 700 " + directory + ", or chown it)");
        }
        return Optional.empty();
    }
}
