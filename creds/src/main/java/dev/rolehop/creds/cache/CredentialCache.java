package dev.rolehop.creds.cache;

import dev.rolehop.python.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The AWS CLI's assumed-role cache, {@code ~/.aws/cli/cache/<key>.json}, read and written in the
 * CLI's own JSON layout so that the AWS CLI and rolehop reuse each other's sessions.
 *
 * <p>Entries are written atomically (a 0600 temporary file in the same directory, fsync, atomic
 * rename) in a 0700 directory. A corrupt or unreadable entry is ignored with a warning. {@link
 * #lock} serialises refreshes of one entry across processes (a {@code <key>.lock} file) and
 * threads.
 */
public final class CredentialCache {

    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    /** File locks belong to the whole JVM, so threads of one JVM must exclude each other here. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final Consumer<String> warnings;
    /** Entries already warned about: the refresh path reads an entry twice (before and under the lock). */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** A cache in {@code directory} (created on first write). */
    public CredentialCache(Path directory, Consumer<String> warnings) {
        this.directory = directory;
        this.warnings = warnings;
    }

    /** The cache directory. */
    public Path directory() {
        return directory;
    }

    /** The file of an entry. */
    public Path file(String key) {
        return directory.resolve(key + ".json");
    }

    /** Reads an entry; empty when absent, corrupt or unreadable (the latter two with a warning). */
    public Optional<AssumedRole> read(String key) {
        Path file = file(key);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            warnOnce(directoryProblem()
                    .map(problem -> "the session cache cannot be used: " + problem + "; sessions are not cached")
                    .orElse("ignoring unreadable cache entry " + file + " (" + FileProblems.describe(e) + ")"));
            return Optional.empty();
        }
        try {
            return Optional.of(CacheEntryJson.fromJson(text));
        } catch (IllegalArgumentException e) {
            warnOnce("ignoring corrupt cache entry " + file + " (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /**
     * Warns, once per message, that the entry {@code key} could not be {@code done} ("locked",
     * "written") because of {@code e}: the directory's problem and its fix when the directory is
     * the cause, else the file and what went wrong.
     */
    public void warnUnusable(String key, String done, IOException e) {
        warnOnce(directoryProblem()
                .map(problem -> "the session cache cannot be used: " + problem + "; sessions are not cached")
                .orElse("cache entry " + file(key) + " could not be " + done + " (" + FileProblems.describe(e)
                        + "); the session is not shared"));
    }

    /**
     * What stops the cache directory from being used, with the fix (it, or a directory above it,
     * is a file; it cannot be read or written); empty when it can be used.
     */
    public Optional<String> directoryProblem() {
        return FileProblems.directoryProblem(directory, "rolehop and the AWS CLI keep cached sessions there");
    }

    /** Explains a failure on entry {@code key} in words: the directory's problem, else the file and the cause. */
    public String explain(String key, IOException e) {
        return directoryProblem().orElse(file(key) + ": " + FileProblems.describe(e));
    }

    private void warnOnce(String warning) {
        if (warned.add(warning)) {
            warnings.accept(warning);
        }
    }

    /**
     * Writes an entry atomically, as a 0600 file in a 0700 directory.
     *
     * @throws IOException when the directory or file cannot be written
     */
    public void write(String key, AssumedRole role) throws IOException {
        ensureDirectory();
        AtomicFile.write(file(key), CacheEntryJson.toJson(role).getBytes(StandardCharsets.UTF_8), FILE_MODE);
    }

    /**
     * Writes an entry of role credentials from IAM Identity Center in the layout botocore's
     * {@code SSOCredentialFetcher} caches ({@code {"ProviderType": "sso", "Credentials": {...}}},
     * {@code Expiration} as {@code 2026-11-24T08:00:00Z}), atomically, 0600.
     */
    public void writeSso(String key, AssumedRole role) throws IOException {
        ensureDirectory();
        AtomicFile.write(file(key), CacheEntryJson.toSsoJson(role).getBytes(StandardCharsets.UTF_8), FILE_MODE);
    }

    /**
     * Removes every entry of role credentials from IAM Identity Center (those whose
     * {@code ProviderType} is {@code sso}), as {@code aws sso logout} does.
     *
     * @return how many were removed
     */
    public int deleteSsoEntries() throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int removed = 0;
        try (var files = Files.list(directory)) {
            for (Path entry : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .toList()) {
                if (CacheEntryJson.isSso(entry) && Files.deleteIfExists(entry)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Removes an entry; returns whether there was one. */
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(file(key));
    }

    /**
     * Takes the refresh lock of an entry, waiting for another process or thread that holds it
     * (for example one waiting for its user to type an MFA code).
     */
    public Lock lock(String key) throws IOException {
        ensureDirectory();
        Path lockFile = directory.resolve(key + ".lock");
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile.toAbsolutePath(), p -> new ReentrantLock());
        jvmLock.lock();
        try {
            if (!Files.exists(lockFile)) {
                try {
                    Files.createFile(lockFile, PosixFilePermissions.asFileAttribute(FILE_MODE));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another process created it first: fine, we only need it to exist
                }
            }
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            FileLock fileLock;
            try {
                fileLock = channel.lock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new Lock(channel, fileLock, jvmLock);
        } catch (IOException | RuntimeException e) {
            jvmLock.unlock();
            throw e;
        }
    }

    private void ensureDirectory() throws IOException {
        AtomicFile.ensurePrivateDirectory(directory);
    }

    /** A held refresh lock; closing releases it. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock fileLock;
        private final ReentrantLock jvmLock;

        private Lock(FileChannel channel, FileLock fileLock, ReentrantLock jvmLock) {
            this.channel = channel;
            this.fileLock = fileLock;
            this.jvmLock = jvmLock;
        }

        @Override
        public void close() throws IOException {
            try {
                fileLock.release();
                channel.close();
            } finally {
                jvmLock.unlock();
            }
        }
    }

    /** The JSON layout of one entry: botocore's parsed AssumeRole response. */
    static final class CacheEntryJson {
        private CacheEntryJson() {}

        static String toJson(AssumedRole role) {
            Map<String, Object> credentials = new LinkedHashMap<>();
            credentials.put("AccessKeyId", role.accessKeyId());
            credentials.put("SecretAccessKey", role.secretAccessKey());
            credentials.put("SessionToken", role.sessionToken());
            credentials.put("Expiration", Timestamps.isoformat(role.expiration()));
            if (role.accountId() != null) {
                // botocore 1.34+ adds the account (from AssumedRoleUser.Arn) before caching the response.
                credentials.put("AccountId", role.accountId());
            }
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("Credentials", credentials);
            if (role.assumedRoleArn() != null) {
                Map<String, Object> user = new LinkedHashMap<>();
                user.put("AssumedRoleId", role.assumedRoleId());
                user.put("Arn", role.assumedRoleArn());
                response.put("AssumedRoleUser", user);
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("RequestId", role.requestId());
            metadata.put("HTTPStatusCode", 200);
            metadata.put("HTTPHeaders", new LinkedHashMap<>(role.httpHeaders()));
            metadata.put("RetryAttempts", 0);
            response.put("ResponseMetadata", metadata);
            return Json.dumps(response);
        }

        static String toSsoJson(AssumedRole role) {
            Map<String, Object> credentials = new LinkedHashMap<>();
            credentials.put("AccessKeyId", role.accessKeyId());
            credentials.put("SecretAccessKey", role.secretAccessKey());
            credentials.put("SessionToken", role.sessionToken());
            credentials.put("Expiration", Timestamps.utcSeconds(role.expiration()));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("ProviderType", "sso");
            entry.put("Credentials", credentials);
            return Json.dumps(entry);
        }

        /** Whether the file is an entry botocore's SSO fetcher (or rolehop) wrote; unreadable files are not. */
        static boolean isSso(Path file) {
            try {
                return Json.loads(Files.readString(file, StandardCharsets.UTF_8)) instanceof Map<?, ?> entry
                        && "sso".equals(entry.get("ProviderType"));
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        static AssumedRole fromJson(String text) {
            if (!(Json.loads(text) instanceof Map<?, ?> response)) {
                throw new IllegalArgumentException("not a JSON object");
            }
            if (!(response.get("Credentials") instanceof Map<?, ?> credentials)) {
                throw new IllegalArgumentException("no Credentials object");
            }
            String accessKeyId = string(credentials, "AccessKeyId");
            String secretAccessKey = string(credentials, "SecretAccessKey");
            String sessionToken = string(credentials, "SessionToken");
            String expiration = string(credentials, "Expiration");
            Map<?, ?> user = response.get("AssumedRoleUser") instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> metadata = response.get("ResponseMetadata") instanceof Map<?, ?> m ? m : Map.of();
            return new AssumedRole(
                    accessKeyId,
                    secretAccessKey,
                    sessionToken,
                    Timestamps.parse(expiration)
                            .orElseThrow(
                                    () -> new IllegalArgumentException("Credentials.Expiration is not a timestamp")),
                    optional(user, "AssumedRoleId"),
                    optional(user, "Arn"),
                    optional(metadata, "RequestId"),
                    Map.of());
        }

        private static String string(Map<?, ?> map, String key) {
            if (!(map.get(key) instanceof String value)) {
                throw new IllegalArgumentException("Credentials." + key + " is missing");
            }
            return value;
        }

        private static String optional(Map<?, ?> map, String key) {
            return map.get(key) instanceof String value ? value : null;
        }
    }
}
