package dev.rolehop.local.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Converts the mutable state to and from text: the snapshot (the state file, JSON read as YAML)
 * and the journal's change records.
 *
 * <p>Format version 2 adds {@code journal_seq}: the last journal record the snapshot holds.
 * Version 1 files (written by a rolehop local without a journal) are read as version 2 with
 * {@code journal_seq} 0; a version 1 reader refuses version 2 files rather than miss the journal.
 * Version 3 adds {@code resources} (VPC networking, key pairs, instances) to each region; version
 * 1 and 2 files are read with none, and a version 2 reader refuses version 3 files rather than
 * drop them. Version 4 adds {@code iam} (the IAM entities created through the API); older files
 * are read with none, and a version 3 reader refuses version 4 files rather than drop them.
 * Version 5 adds federated-user sessions ({@code kind: FEDERATED_USER}) and a session's
 * {@code session_policies}; older files are read with sessions that no policy limits, and a
 * version 4 reader refuses version 5 files rather than misread a federated user's session.
 */
final class StateCodec {

    static final int VERSION = 5;

    private StateCodec() {}

    /** A snapshot of the whole state, holding the journal up to record {@code journalSeq}. */
    static String write(
            Map<String, TemporaryCredential> sessions,
            Map<String, Long> mfaSteps,
            Map<String, RegionState> regions,
            IamState iam,
            long journalSeq) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", VERSION);
        root.put("journal_seq", journalSeq);
        List<Object> s = new ArrayList<>();
        sessions.values().forEach(c -> s.add(session(c)));
        root.put("sessions", s);
        root.put("mfa_last_step", new LinkedHashMap<>(mfaSteps));
        Map<String, Object> r = new LinkedHashMap<>();
        regions.forEach((key, region) -> r.put(key, region(region)));
        root.put("regions", r);
        List<Object> entities = new ArrayList<>();
        iam.all().forEach(e -> entities.add(RecordCodec.write(e)));
        root.put("iam", entities);
        return JsonText.write(root);
    }

    /** A snapshot holding no journal record and no IAM entity. */
    static String write(
            Map<String, TemporaryCredential> sessions, Map<String, Long> mfaSteps, Map<String, RegionState> regions) {
        return write(sessions, mfaSteps, regions, new IamState(), 0);
    }

    static Map<String, Object> session(TemporaryCredential c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("access_key_id", c.accessKeyId());
        m.put("secret_access_key", c.secretAccessKey());
        m.put("session_token", c.sessionToken());
        m.put("expiration", c.expiration().toString());
        m.put("kind", c.kind().name());
        m.put("account_id", c.accountId());
        m.put("principal_name", c.principalName());
        m.put("session_name", c.sessionName());
        m.put("mfa_auth_time", c.mfaAuthTime() == null ? null : c.mfaAuthTime().toString());
        m.put("chained", c.chained());
        SessionPolicies policies = c.sessionPolicies();
        if (policies != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("inline", policies.inline());
            p.put("managed_arns", policies.managedArns());
            m.put("session_policies", p);
        }
        return m;
    }

    static TemporaryCredential session(Map<String, Object> m) {
        return new TemporaryCredential(
                (String) m.get("access_key_id"),
                (String) m.get("secret_access_key"),
                (String) m.get("session_token"),
                Instant.parse((String) m.get("expiration")),
                SessionKind.valueOf((String) m.get("kind")),
                (String) m.get("account_id"),
                (String) m.get("principal_name"),
                (String) m.get("session_name"),
                m.get("mfa_auth_time") == null ? null : Instant.parse((String) m.get("mfa_auth_time")),
                Boolean.TRUE.equals(m.get("chained")),
                sessionPolicies(m.get("session_policies")));
    }

    @SuppressWarnings("unchecked")
    private static SessionPolicies sessionPolicies(Object stored) {
        if (!(stored instanceof Map<?, ?> p)) {
            return null;
        }
        return new SessionPolicies((String) p.get("inline"), (List<String>)
                ((Map<String, Object>) p).getOrDefault("managed_arns", List.of()));
    }

    private static Map<String, Object> region(RegionState region) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> groups = new ArrayList<>();
        region.groups().forEach(g -> groups.add(group(g)));
        out.put("groups", groups);
        out.put("tags", region.allTags());
        List<Object> resources = new ArrayList<>();
        region.allResources().forEach(x -> resources.add(RecordCodec.write(x)));
        out.put("resources", resources);
        return out;
    }

    static Map<String, Object> group(SecurityGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("name", g.name());
        m.put("description", g.description());
        m.put("vpc_id", g.vpcId());
        m.put("owner_id", g.ownerId());
        List<Object> rules = new ArrayList<>();
        for (SecurityGroupRule rule : g.rules()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("id", rule.id());
            rm.put("egress", rule.egress());
            rm.put("protocol", rule.protocol());
            rm.put("from_port", rule.fromPort());
            rm.put("to_port", rule.toPort());
            rm.put("source", rule.source().name());
            rm.put("peer", rule.peer());
            rm.put("peer_account", rule.peerAccount());
            rm.put("description", rule.description());
            rules.add(rm);
        }
        m.put("rules", rules);
        return m;
    }

    @SuppressWarnings("unchecked")
    static SecurityGroup group(Map<String, Object> g) {
        List<SecurityGroupRule> rules = new ArrayList<>();
        for (Object ro : (List<Object>) g.getOrDefault("rules", List.of())) {
            Map<String, Object> r = (Map<String, Object>) ro;
            rules.add(new SecurityGroupRule(
                    (String) r.get("id"),
                    Boolean.TRUE.equals(r.get("egress")),
                    (String) r.get("protocol"),
                    ((Number) r.get("from_port")).intValue(),
                    ((Number) r.get("to_port")).intValue(),
                    RuleSource.valueOf((String) r.get("source")),
                    (String) r.get("peer"),
                    (String) r.get("peer_account"),
                    (String) r.get("description")));
        }
        return new SecurityGroup(
                (String) g.get("id"),
                (String) g.get("name"),
                (String) g.get("description"),
                (String) g.get("vpc_id"),
                (String) g.get("owner_id"),
                rules);
    }

    /** Parses JSON (or YAML) text into plain maps, lists and scalars. */
    static Object parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return new Yaml(new SafeConstructor(options)).load(text);
    }

    /**
     * Parses a snapshot into the given maps.
     *
     * @return the last journal record the snapshot holds
     */
    @SuppressWarnings("unchecked")
    static long read(
            String text,
            Map<String, TemporaryCredential> sessions,
            Map<String, Long> mfaSteps,
            Map<String, RegionState> regions,
            IamState iam) {
        Object parsed = parse(text);
        Map<String, Object> root = parsed instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        Object version = root == null ? null : root.get("version");
        if (!(version instanceof Integer number) || number < 1 || number > VERSION) {
            throw new IllegalArgumentException("it is not a version 1 to " + VERSION + " rolehop local state file");
        }
        for (Object o : (List<Object>) root.getOrDefault("sessions", List.of())) {
            TemporaryCredential c = session((Map<String, Object>) o);
            sessions.put(c.accessKeyId(), c);
        }
        ((Map<String, Object>) root.getOrDefault("mfa_last_step", Map.of()))
                .forEach((k, v) -> mfaSteps.put(k, ((Number) v).longValue()));
        ((Map<String, Object>) root.getOrDefault("regions", Map.of())).forEach((key, value) -> {
            Map<String, Object> rm = (Map<String, Object>) value;
            RegionState region = new RegionState();
            for (Object go : (List<Object>) rm.getOrDefault("groups", List.of())) {
                region.put(group((Map<String, Object>) go));
            }
            for (Object ro : (List<Object>) rm.getOrDefault("resources", List.of())) {
                region.putResource(RecordCodec.read((Map<String, Object>) ro, Ec2Resource.class));
            }
            ((Map<String, Map<String, Object>>) rm.getOrDefault("tags", Map.of()))
                    .forEach((id, t) -> t.forEach((k, v) -> region.tag(id, k, String.valueOf(v))));
            regions.put(key, region);
        });
        for (Object e : (List<Object>) root.getOrDefault("iam", List.of())) {
            iam.put(RecordCodec.read((Map<String, Object>) e, IamEntity.class));
        }
        return ((Number) root.getOrDefault("journal_seq", 0)).longValue();
    }
}
