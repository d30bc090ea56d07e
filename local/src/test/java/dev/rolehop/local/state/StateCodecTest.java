package dev.rolehop.local.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateCodecTest {

    @Test
    void groupsRulesTagsAndSessionsSurviveAWriteAndARead() {
        RegionState region = new RegionState();
        region.put(new SecurityGroup(
                "sg-0123456789abcdef0",
                "web \"quoted\" ü",
                "line\nbreak\ttab \\",
                "vpc-1",
                "111111111111",
                List.of(new SecurityGroupRule(
                        "sgr-1",
                        false,
                        "tcp",
                        22,
                        22,
                        RuleSource.CIDR_IPV4,
                        "10.0.0.0/8",
                        null,
                        "ssh: from *everywhere*"))));
        region.tag("sg-0123456789abcdef0", "Name", "yes");
        TemporaryCredential session = new TemporaryCredential(
                "ASIAXXXXXXXXXXXXXXXX",
                "se/cr+et=",
                "tok+en/==",
                Instant.parse("2030-01-01T00:00:00Z"),
                SessionKind.ASSUMED_ROLE,
                "222222222222",
                "lab-admin",
                "s",
                Instant.parse("2029-12-31T23:00:00Z"),
                true,
                null);
        String text = StateCodec.write(
                Map.of(session.accessKeyId(), session),
                Map.of("arn:mfa", 42L),
                Map.of("111111111111/us-east-1", region));

        Map<String, TemporaryCredential> sessions = new LinkedHashMap<>();
        Map<String, Long> steps = new LinkedHashMap<>();
        Map<String, RegionState> regions = new LinkedHashMap<>();
        StateCodec.read(text, sessions, steps, regions, new IamState());

        assertThat(sessions).containsExactly(Map.entry(session.accessKeyId(), session));
        assertThat(steps).containsExactly(Map.entry("arn:mfa", 42L));
        RegionState back = regions.get("111111111111/us-east-1");
        assertThat(back.groups()).isEqualTo(region.groups());
        assertThat(back.tags("sg-0123456789abcdef0")).containsExactly(Map.entry("Name", "yes"));
    }

    @Test
    void createdIamEntitiesSurviveAWriteAndARead() {
        IamState iam = new IamState();
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        IamRole role = new IamRole(
                "111111111111",
                "deployer",
                "/ci/",
                "deploys",
                "{\"Statement\":[]}",
                7200,
                at,
                Map.of("inline", "{}"),
                List.of("arn:aws:iam::111111111111:policy/p"),
                Map.of("team", "ci"));
        ManagedPolicy policy = new ManagedPolicy(
                "111111111111",
                "p",
                "/",
                null,
                at,
                at,
                "v2",
                3,
                List.of(
                        new ManagedPolicy.PolicyVersion("v1", "{}", at),
                        new ManagedPolicy.PolicyVersion("v2", "{ }", at)));
        VirtualMfaDevice device =
                new VirtualMfaDevice("111111111111", "arn:aws:iam::111111111111:mfa/d", "SEED", "bot", at, at);
        iam.put(role);
        iam.put(policy);
        iam.put(device);
        String text = StateCodec.write(Map.of(), Map.of(), Map.of(), iam, 0);

        IamState back = new IamState();
        StateCodec.read(text, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), back);

        assertThat(back.all()).containsExactly(role, policy, device);
    }

    @Test
    void aVersion3FileIsReadWithNoIamEntities() {
        IamState iam = new IamState();
        StateCodec.read(
                "{\"version\": 3, \"journal_seq\": 0, \"sessions\": [], \"regions\": {}}",
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                iam);
        assertThat(iam.all()).isEmpty();
    }

    @Test
    void aFederatedUsersSessionKeepsItsSessionPolicies() {
        TemporaryCredential federated = TemporaryCredential.issue(
                        SessionKind.FEDERATED_USER,
                        "111111111111",
                        "alice",
                        "bob",
                        Instant.parse("2030-01-01T00:00:00Z"),
                        null,
                        false)
                .restrictedTo(new SessionPolicies("{\"Statement\":[]}", List.of("arn:aws:iam::111111111111:policy/p")));
        String text = StateCodec.write(Map.of(federated.accessKeyId(), federated), Map.of(), Map.of());

        Map<String, TemporaryCredential> sessions = new LinkedHashMap<>();
        StateCodec.read(text, sessions, new LinkedHashMap<>(), new LinkedHashMap<>(), new IamState());

        assertThat(sessions).containsExactly(Map.entry(federated.accessKeyId(), federated));
    }

    @Test
    void aVersion4SessionIsReadWithNoSessionPolicies() {
        Map<String, TemporaryCredential> sessions = new LinkedHashMap<>();
        StateCodec.read(
                "{\"version\": 4, \"sessions\": [{\"access_key_id\": \"ASIAX\", \"secret_access_key\": \"s\","
                        + " \"session_token\": \"t\", \"expiration\": \"2030-01-01T00:00:00Z\","
                        + " \"kind\": \"ASSUMED_ROLE\", \"account_id\": \"222222222222\","
                        + " \"principal_name\": \"lab-admin\", \"session_name\": \"s\", \"chained\": false}]}",
                sessions,
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new IamState());
        assertThat(sessions.get("ASIAX").sessionPolicies()).isNull();
    }
}
