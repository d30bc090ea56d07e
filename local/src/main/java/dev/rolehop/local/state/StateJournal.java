package dev.rolehop.local.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The append-only journal beside a state file ({@code FILE.journal}): one line per committed
 * change, {@code CRC32 JSON}, written and fsynced (fdatasync) before the change is answered, so
 * a write costs the size of the change, not of the state.
 *
 * <p>Each record carries a sequence number; the snapshot (the state file) says which record it
 * holds up to, so records it already holds are skipped on replay. A line that is torn (a crash
 * mid-write) or fails its checksum ends the journal: it was never acknowledged. Every write goes
 * at the end of the last good record, overwriting whatever a failed write may have left there.
 */
final class StateJournal {

    private final Path path;
    /** The length of the journal's good records: where the next record goes. */
    private long goodSize;

    /** A record read back from the journal. */
    record Record(long seq, List<Map<String, Object>> ops) {}

    private StateJournal(Path path, long goodSize) {
        this.path = path;
        this.goodSize = goodSize;
    }

    /** The journal file of a state file. */
    static Path journalFile(Path stateFile) {
        return stateFile.resolveSibling(stateFile.getFileName() + ".journal");
    }

    /**
     * Reads the good records of a state file's journal (none when there is no journal).
     *
     * @param into receives the records, oldest first
     */
    @SuppressWarnings("unchecked")
    static StateJournal open(Path stateFile, List<Record> into) throws IOException {
        Path path = journalFile(stateFile);
        if (!Files.exists(path)) {
            return new StateJournal(path, 0);
        }
        byte[] bytes = Files.readAllBytes(path);
        long good = 0;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
            int space = line.indexOf(' ');
            if (space != 8) {
                break;
            }
            String json = line.substring(space + 1);
            if (!line.substring(0, 8).equals(crc(json))) {
                break;
            }
            Map<String, Object> record;
            try {
                record = (Map<String, Object>) StateCodec.parse(json);
            } catch (RuntimeException e) {
                break;
            }
            into.add(new Record(
                    ((Number) record.get("seq")).longValue(), (List<Map<String, Object>>) record.get("ops")));
            start = i + 1;
            good = start;
        }
        return new StateJournal(path, good);
    }

    /** Appends a record and forces it to disk; on failure the journal ends where it did. */
    void append(long seq, List<Map<String, Object>> ops) throws IOException {
        String json = JsonText.line(Map.of("seq", seq, "ops", ops));
        byte[] line = (crc(json) + " " + json + "\n").getBytes(StandardCharsets.UTF_8);
        boolean created = !Files.exists(path);
        if (created) {
            // Records hold temporary credentials: readable by the owner only, like the snapshot.
            try {
                Files.createFile(
                        path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(path);
            } catch (FileAlreadyExistsException raced) {
                // Created meanwhile: opened below.
            }
        }
        // Opened per write (an open costs microseconds beside the fsync): a journal moved away
        // or replaced fails this write alone.
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            try {
                if (out.size() > goodSize) {
                    out.truncate(goodSize);
                }
                ByteBuffer data = ByteBuffer.wrap(line);
                long at = goodSize;
                while (data.hasRemaining()) {
                    at += out.write(data, at);
                }
                out.force(false);
            } catch (IOException e) {
                try {
                    out.truncate(goodSize);
                } catch (IOException ignored) {
                    // The next write truncates first; a replay stops at a torn line anyway.
                }
                throw e;
            }
        }
        if (created) {
            StateFile.forceDirectory(path);
        }
        goodSize += line.length;
    }

    /** Empties the journal once a snapshot holds all of it. */
    void clear() throws IOException {
        if (!Files.exists(path)) {
            goodSize = 0;
            return;
        }
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.WRITE)) {
            out.truncate(0);
            out.force(false);
        }
        goodSize = 0;
    }

    /** The bytes of good records. */
    long size() {
        return goodSize;
    }

    private static String crc(String json) {
        CRC32 crc = new CRC32();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
