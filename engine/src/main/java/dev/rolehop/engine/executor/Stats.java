package dev.rolehop.engine.executor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The PLAY RECAP counters per host, and {@code set_stats} custom data. */
public final class Stats {

    /** One host's counters. */
    public static final class Counts {
        public int ok;
        public int changed;
        public int unreachable;
        public int failures;
        public int skipped;
        public int rescued;
        public int ignored;
    }

    private final Map<String, Counts> hosts = new ConcurrentHashMap<>();
    private final Map<String, Object> custom = new ConcurrentHashMap<>();

    public Counts of(String host) {
        return hosts.computeIfAbsent(host, h -> new Counts());
    }

    /** Every host that ran something, sorted by name as Ansible's recap is. */
    public Map<String, Counts> processed() {
        return new TreeMap<>(hosts);
    }

    public Map<String, Object> custom() {
        return custom;
    }

    public synchronized void ok(String host, boolean changed) {
        Counts counts = of(host);
        counts.ok++;
        if (changed) {
            counts.changed++;
        }
    }
}
