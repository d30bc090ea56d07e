package dev.rolehop.local.state;

import dev.rolehop.local.world.Account;
import dev.rolehop.local.world.DefaultVpc;
import dev.rolehop.local.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The mutable part of a local AWS: issued temporary credentials, used MFA steps and each
 * account's EC2 state per region. One lock guards it all; every mutation is persisted to the
 * state file (when there is one) before the lock is released, so an answered request is durable.
 * A change whose state write fails is rolled back: memory stays as the file is.
 *
 * <p>A state file belongs to one process at a time: {@link #open} takes an exclusive lock on
 * {@code FILE.lock} (holding the owner's pid) until {@link #close}.
 */
public final class WorldState implements AutoCloseable {

    private final Path file;
    private StateLock lock;
    private final Map<String, TemporaryCredential> sessions = new LinkedHashMap<>();
    private final Map<String, Long> mfaSteps = new LinkedHashMap<>();
    private final Map<String, RegionState> regions = new LinkedHashMap<>();

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
                if (text != null) {
                    StateCodec.read(text, state.sessions, state.mfaSteps, state.regions);
                }
            } catch (IOException | RuntimeException e) {
                state.close();
                throw new IllegalArgumentException(
                        file + ": cannot read the rolehop local state file (" + e.getMessage()
                                + "); move it away to start with a fresh state",
                        e);
            }
        }
        state.seedDefaults(world);
        return state;
    }

    private void seedDefaults(World world) {
        for (Account account : world.accounts()) {
            for (String region : account.regions()) {
                RegionState r = regions.computeIfAbsent(key(account.id(), region), k -> new RegionState());
                DefaultVpc vpc = DefaultVpc.of(account.id(), region);
                if (r.group(vpc.defaultGroupId()).isEmpty()) {
                    // A fresh region: seed the instances' tags once; later tag changes are state.
                    account.instances().stream()
                            .filter(i -> i.region().equals(region))
                            .forEach(i -> i.tags().forEach((k, v) -> r.tag(i.id(), k, v)));
                    r.put(new SecurityGroup(
                            vpc.defaultGroupId(),
                            "default",
                            "default VPC security group",
                            vpc.vpcId(),
                            account.id(),
                            List.of(
                                    new SecurityGroupRule(
                                            vpc.defaultGroupId().replace("sg-", "sgr-"),
                                            false,
                                            "-1",
                                            -1,
                                            -1,
                                            RuleSource.GROUP,
                                            vpc.defaultGroupId(),
                                            account.id(),
                                            null),
                                    new SecurityGroupRule(
                                            vpc.defaultGroupId().replace("sg-", "sgr-e"),
                                            true,
                                            "-1",
                                            -1,
                                            -1,
                                            RuleSource.CIDR_IPV4,
                                            "0.0.0.0/0",
                                            null,
                                            null))));
                }
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
        sessions.values().removeIf(c -> c.expiration().isBefore(now.minusSeconds(86_400)));
        sessions.put(credential.accessKeyId(), credential);
        try {
            persist();
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
            persist();
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
        RegionState r = region(accountId, region);
        r.begin();
        try {
            T result = change.apply(r);
            persist();
            r.commit();
            return result;
        } catch (RuntimeException e) {
            r.rollback();
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

    private void persist() {
        if (file == null) {
            return;
        }
        try {
            writer.write(file, StateCodec.write(sessions, mfaSteps, regions));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the state file: " + e.getMessage(), e);
        }
    }

    /** Writes the state file; replaceable in tests to make writes fail. */
    interface Writer {
        void write(Path file, String text) throws IOException;
    }

    private Writer writer = StateFile::write;

    /** For tests: writes through {@code w} from now on. */
    synchronized void writeWith(Writer w) {
        writer = w;
    }

    /** Releases the state file's lock; the state is not used afterwards. */
    @Override
    public synchronized void close() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
