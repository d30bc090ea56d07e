package dev.rolehop.local.state;

import dev.rolehop.local.world.Account;
import dev.rolehop.local.world.DefaultVpc;
import dev.rolehop.local.world.SeedInstance;
import dev.rolehop.local.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The mutable part of a local AWS: issued temporary credentials, used MFA steps, the IAM
 * entities created through the API and each account's EC2 state per region. One lock guards it all; every mutation is persisted (when
 * there is a state file) before the lock is released, so an answered request is durable. A
 * change whose state write fails is rolled back: memory stays as the files are.
 *
 * <p>On disk: the state file is a snapshot, replaced atomically; {@code FILE.journal} records
 * each change since, appended and fsynced per change ({@link StateJournal}), so a write costs
 * the size of the change. When the journal outgrows the snapshot (and at every start), a new
 * snapshot takes it in and the journal starts over.
 *
 * <p>A state file belongs to one process at a time: {@link #open} takes an exclusive lock on
 * {@code FILE.lock} (holding the owner's pid) until {@link #close}.
 */
public final class WorldState implements AutoCloseable {

    /** The journal is folded into a new snapshot once it is this big, or bigger than the snapshot. */
    static final long MIN_COMPACTION_BYTES = 1 << 20;

    private final Path file;
    private StateLock lock;
    private StateJournal journal;
    private long seq;
    private long snapshotBytes;
    private long minCompactionBytes = MIN_COMPACTION_BYTES;
    private final Map<String, TemporaryCredential> sessions = new LinkedHashMap<>();
    private final Map<String, Long> mfaSteps = new LinkedHashMap<>();
    private final Map<String, RegionState> regions = new LinkedHashMap<>();
    private final IamState iam = new IamState();

    private WorldState(Path file) {
        this.file = file;
    }

    /**
     * Opens the state of a world: read from {@code file} when it exists, else fresh; null keeps
     * state in memory only.
     *
     * @throws IllegalArgumentException when the file cannot be read, naming it and the fix
     */
    public static WorldState open(World world, Path file) {
        WorldState state = new WorldState(file);
        if (file != null) {
            state.lock = StateLock.acquire(file);
            try {
                String text = StateFile.read(file);
                long held = text == null
                        ? 0
                        : StateCodec.read(text, state.sessions, state.mfaSteps, state.regions, state.iam);
                List<StateJournal.Record> records = new ArrayList<>();
                state.journal = StateJournal.open(file, records);
                state.seq = held;
                for (StateJournal.Record record : records) {
                    if (record.seq() > held) {
                        state.replay(record.ops());
                        state.seq = record.seq();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Released without a snapshot: a half-read state must not replace the file.
                state.release();
                throw new IllegalArgumentException(
                        file + ": cannot read the rolehop local state file (" + e.getMessage()
                                + "); move it away to start with a fresh state",
                        e);
            }
        }
        state.seedDefaults(world);
        if (file != null) {
            try {
                // The seeded defaults and the replayed journal go into a fresh snapshot.
                state.compact();
            } catch (IOException | RuntimeException e) {
                state.release();
                throw new UncheckedIOException(
                        file + ": cannot write the rolehop local state file: " + e.getMessage(),
                        e instanceof IOException io ? io : new IOException(e));
            }
        }
        return state;
    }

    @SuppressWarnings("unchecked")
    private void replay(List<Map<String, Object>> ops) {
        for (Map<String, Object> op : ops) {
            switch (String.valueOf(op.get("op"))) {
                case "session" -> {
                    TemporaryCredential c = StateCodec.session((Map<String, Object>) op.get("session"));
                    sessions.put(c.accessKeyId(), c);
                }
                case "drop_sessions" -> ((List<Object>) op.get("ids")).forEach(sessions::remove);
                case "mfa" -> mfaSteps.put((String) op.get("serial"), ((Number) op.get("step")).longValue());
                case "iam_put", "iam_remove" -> iam.apply(op);
                default ->
                    regions.computeIfAbsent((String) op.get("region"), k -> new RegionState())
                            .apply(op);
            }
        }
    }

    private void seedDefaults(World world) {
        for (Account account : world.accounts()) {
            for (String region : account.regions()) {
                RegionState r = regions.computeIfAbsent(key(account.id(), region), k -> new RegionState());
                DefaultVpc vpc = DefaultVpc.of(account.id(), region);
                if (r.groups().isEmpty() && r.resources(Vpc.class).isEmpty()) {
                    // A fresh region: seed the instances and their tags once; later changes are state.
                    List<SeedInstance> seeded = account.instances().stream()
                            .filter(i -> i.region().equals(region))
                            .toList();
                    for (int n = 0; n < seeded.size(); n++) {
                        SeedInstance i = seeded.get(n);
                        r.putResource(Instance.seeded(i, vpc, n));
                        i.tags().forEach((k, v) -> r.tag(i.id(), k, v));
                    }
                }
                DefaultNetwork.seed(r, vpc);
            }
        }
    }

    /** The temporary credentials with this access key id. */
    public synchronized Optional<TemporaryCredential> session(String accessKeyId) {
        return Optional.ofNullable(sessions.get(accessKeyId));
    }

    /** Records newly issued temporary credentials, dropping long-expired ones, and persists. */
    public synchronized void addSession(TemporaryCredential credential, Instant now) {
        Map<String, TemporaryCredential> before = new LinkedHashMap<>(sessions);
        // Keep expired credentials a day so their use still answers ExpiredToken, not "invalid".
        List<Object> dropped = new ArrayList<>();
        sessions.values().stream()
                .filter(c -> c.expiration().isBefore(now.minusSeconds(86_400)))
                .forEach(c -> dropped.add(c.accessKeyId()));
        dropped.forEach(sessions::remove);
        sessions.put(credential.accessKeyId(), credential);
        try {
            persist(List.of(
                    Map.of("op", "drop_sessions", "ids", dropped),
                    Map.of("op", "session", "session", StateCodec.session(credential))));
        } catch (RuntimeException e) {
            sessions.clear();
            sessions.putAll(before);
            throw e;
        }
    }

    /**
     * Marks a TOTP step of a device as used; false when that step or a later one was already
     * used (AWS accepts each code once).
     */
    public synchronized boolean useMfaStep(String serial, long step) {
        Long last = mfaSteps.get(serial);
        if (last != null && step <= last) {
            return false;
        }
        mfaSteps.put(serial, step);
        try {
            persist(List.of(Map.of("op", "mfa", "serial", serial, "step", step)));
        } catch (RuntimeException e) {
            if (last == null) {
                mfaSteps.remove(serial);
            } else {
                mfaSteps.put(serial, last);
            }
            throw e;
        }
        return true;
    }

    /** Whether the account has EC2 state in the region (that is, the region is one of its regions). */
    public synchronized boolean hasRegion(String accountId, String region) {
        return regions.containsKey(key(accountId, region));
    }

    /** Reads a region's state under the lock; the function must not keep the state. */
    public synchronized <T> T read(String accountId, String region, Function<RegionState, T> reader) {
        return reader.apply(region(accountId, region));
    }

    /**
     * Changes a region's state under the lock and persists it before returning, as one
     * transaction: when the change throws (an AWS error part-way) or the state cannot be written,
     * every change it made is rolled back and the exception passes on.
     */
    public synchronized <T> T change(String accountId, String region, Function<RegionState, T> change) {
        return transact(region(accountId, region), key(accountId, region), change);
    }

    /** Reads the created IAM entities under the lock; the function must not keep the state. */
    public synchronized <T> T readIam(Function<IamState, T> reader) {
        return reader.apply(iam);
    }

    /**
     * Changes the created IAM entities under the lock and persists them before returning, as one
     * transaction (see {@link #change}).
     */
    public synchronized <T> T changeIam(Function<IamState, T> change) {
        return transact(iam, null, change);
    }

    /**
     * Runs a change of one part of the state as a transaction: its journal operations (marked
     * with the region's key when there is one) are persisted, else everything is rolled back.
     */
    private <S extends Transactional, T> T transact(S part, String regionKey, Function<S, T> change) {
        part.begin();
        try {
            T result = change.apply(part);
            List<Map<String, Object>> ops = new ArrayList<>();
            for (Map<String, Object> op : part.changes()) {
                Map<String, Object> marked = new LinkedHashMap<>();
                if (regionKey != null) {
                    marked.put("region", regionKey);
                }
                marked.putAll(op);
                ops.add(marked);
            }
            if (!ops.isEmpty()) {
                persist(ops);
            }
            part.commit();
            return result;
        } catch (RuntimeException e) {
            part.rollback();
            throw e;
        }
    }

    /** Reads every region of every account (cross-account group references). */
    public synchronized <T> T readAll(Function<Map<String, RegionState>, T> reader) {
        return reader.apply(java.util.Collections.unmodifiableMap(regions));
    }

    private RegionState region(String accountId, String region) {
        RegionState r = regions.get(key(accountId, region));
        if (r == null) {
            throw new IllegalStateException("no EC2 state for " + accountId + " in " + region);
        }
        return r;
    }

    /** The key of an account's region in the state. */
    public static String key(String accountId, String region) {
        return accountId + "/" + region;
    }

    /**
     * Makes a change durable: a journal record, fsynced; then, when the journal has outgrown the
     * snapshot, a new snapshot. A failed record throws (the caller rolls back); a failed snapshot
     * does not, since the record already holds the change: the next change tries again.
     */
    private void persist(List<Map<String, Object>> ops) {
        if (file == null) {
            return;
        }
        try {
            journal.append(seq + 1, ops);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the state journal: " + e.getMessage(), e);
        }
        seq++;
        if (journal.size() > Math.max(minCompactionBytes, snapshotBytes)) {
            try {
                compact();
            } catch (IOException e) {
                // Kept in the journal; compacted by a later change or the next start.
            }
        }
    }

    /** For tests: compact once the journal passes {@code bytes} (and the snapshot's size). */
    synchronized void compactFrom(long bytes) {
        minCompactionBytes = bytes;
    }

    /** Writes a snapshot of everything (atomically) and empties the journal it now holds. */
    private void compact() throws IOException {
        String text = StateCodec.write(sessions, mfaSteps, regions, iam, seq);
        StateFile.write(file, text);
        snapshotBytes = text.length();
        journal.clear();
    }

    /**
     * Folds the journal into the snapshot (a clean stop leaves one file) and releases the state
     * file's lock; the state is not used afterwards.
     */
    @Override
    public synchronized void close() {
        if (lock != null && journal != null && journal.size() > 0) {
            try {
                compact();
            } catch (IOException | RuntimeException e) {
                // The journal keeps the changes; the next start replays them.
            }
        }
        release();
    }

    private synchronized void release() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
