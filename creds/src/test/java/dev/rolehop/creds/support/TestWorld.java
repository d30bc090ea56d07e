package dev.rolehop.creds.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A rolehop local world (format: docs/local.md) for the resolver's tests, with the AWS files that
 * use it: alice in the jump account (keys, MFA device); in the lab account the MFA-guarded
 * {@code lab-admin}, {@code partner} (external id {@code ext-42}), {@code ci} (no conditions) and
 * {@code instance} (trusting EC2, for instance metadata), {@code long} (sessions up to two hours); in a
 * third account {@code deep}, trusting the lab account.
 */
public final class TestWorld {

    public static final String ALICE_KEY = "AKIAALICETESTKEY0001";
    public static final String ALICE_SECRET = "aliceSecretKeyForRolehopTests00";
    public static final String SERIAL = "arn:aws:iam::111111111111:mfa/alice";
    public static final String LAB_ROLE = "arn:aws:iam::222222222222:role/lab-admin";
    /** A role that trusts EC2: an instance profile's role for rolehop local's metadata service. */
    public static final String INSTANCE_ROLE = "arn:aws:iam::222222222222:role/instance";

    private static final String ADMIN = """
                policies:
                  - name: admin
                    document: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}
            """;

    private TestWorld() {}

    /** Writes {@code dir/world.yml} and returns it. */
    public static Path write(Path dir) throws IOException {
        String world = """
                accounts:
                  - id: "111111111111"
                    alias: jump
                    users:
                      - name: alice
                        access_keys:
                          - id: %s
                            secret: "%s"
                        mfa_devices:
                          - serial: %s
                            seed: JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
                %s
                  - id: "222222222222"
                    alias: lab
                    roles:
                      - name: lab-admin
                        trust_policy:
                          Version: "2012-10-17"
                          Statement:
                            - {Effect: Allow, Principal: {AWS: "arn:aws:iam::111111111111:root"}, Action: sts:AssumeRole,
                               Condition: {Bool: {aws:MultiFactorAuthPresent: "true"}}}
                %s
                      - name: partner
                        trust_policy:
                          Version: "2012-10-17"
                          Statement:
                            - {Effect: Allow, Principal: {AWS: "arn:aws:iam::111111111111:root"}, Action: sts:AssumeRole,
                               Condition: {StringEquals: {sts:ExternalId: ext-42}}}
                %s
                      - name: ci
                        trust_policy:
                          Version: "2012-10-17"
                          Statement:
                            - {Effect: Allow, Principal: {AWS: "arn:aws:iam::111111111111:root"}, Action: sts:AssumeRole}
                %s
                      - name: instance
                        trust_policy:
                          Version: "2012-10-17"
                          Statement:
                            - {Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}
                %s
                      - name: long
                        max_session_duration: 7200
                        trust_policy:
                          Version: "2012-10-17"
                          Statement:
                            - {Effect: Allow, Principal: {AWS: "arn:aws:iam::111111111111:root"}, Action: sts:AssumeRole}
                %s
                  - id: "333333333333"
                    alias: deep
                    roles:
                      - name: deep
                        trust_policy:
                          Version: "2012-10-17"
                          Statement:
                            - {Effect: Allow, Principal: {AWS: "arn:aws:iam::222222222222:root"}, Action: sts:AssumeRole}
                %s
                """.formatted(
                        ALICE_KEY,
                        ALICE_SECRET,
                        SERIAL,
                        indent(ADMIN, 4),
                        indent(ADMIN, 4),
                        indent(ADMIN, 4),
                        indent(ADMIN, 4),
                        indent(ADMIN, 4),
                        indent(ADMIN, 4),
                        indent(ADMIN, 4));
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("world.yml"), world);
    }

    private static String indent(String block, int spaces) {
        return block.stripTrailing().indent(spaces).stripTrailing();
    }

    /** The config file: default (alice), lab (MFA), deep (three hops), partner, ci, long. */
    public static String config() {
        return "[default]\nregion = us-east-1\n"
                + "[profile lab]\nrole_arn = " + LAB_ROLE + "\nsource_profile = default\nmfa_serial = " + SERIAL + "\n"
                + "[profile deep]\nrole_arn = arn:aws:iam::333333333333:role/deep\nsource_profile = lab\n"
                + "[profile partner]\nrole_arn = arn:aws:iam::222222222222:role/partner\nsource_profile = default\n"
                + "external_id = ext-42\n"
                + "[profile stranger]\nrole_arn = arn:aws:iam::222222222222:role/partner\nsource_profile = default\n"
                + "external_id = wrong\n"
                + "[profile ci]\nrole_arn = arn:aws:iam::222222222222:role/ci\ncredential_source = Environment\n"
                + "[profile long]\nrole_arn = arn:aws:iam::222222222222:role/long\nsource_profile = default\n"
                + "duration_seconds = 7200\n";
    }

    /** The credentials file: alice's keys as default. */
    public static String credentials() {
        return "[default]\naws_access_key_id = " + ALICE_KEY + "\naws_secret_access_key = " + ALICE_SECRET + "\n";
    }
}
