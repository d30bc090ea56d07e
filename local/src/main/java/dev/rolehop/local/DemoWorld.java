package dev.rolehop.local;

import dev.rolehop.local.oidc.SigningKeys;
import dev.rolehop.local.world.Base32;
import dev.rolehop.local.world.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Writes the demo world: a jump account with user alice (static keys, admin policy, virtual
 * MFA device) and a lab account whose {@code lab-admin} role trusts the jump account only
 * with MFA, and whose {@code ci-deploy} role trusts the account's OIDC provider (a CI issuer whose
 * signing key is written beside the world); an Identity Center where user alice reaches the jump
 * account with ReadOnly and the lab account with AdministratorAccess and ReadOnly; plus matching
 * AWS CLI {@code config} and {@code credentials} files. Keys, the MFA seed and the signing key are
 * random for each demo, so no two demos share secrets.
 */
public final class DemoWorld {

    /** The jump account, where alice lives. */
    public static final String JUMP_ACCOUNT = "111111111111";
    /** The lab account, holding the MFA-guarded role. */
    public static final String LAB_ACCOUNT = "222222222222";
    /** alice's ARN. */
    public static final String USER_ARN = "arn:aws:iam::" + JUMP_ACCOUNT + ":user/alice";
    /** alice's virtual MFA device. */
    public static final String MFA_SERIAL = "arn:aws:iam::" + JUMP_ACCOUNT + ":mfa/alice";
    /** The lab role that requires MFA. */
    public static final String ROLE_ARN = "arn:aws:iam::" + LAB_ACCOUNT + ":role/lab-admin";
    /** The lab account's OIDC provider (a CI system's issuer); its signing keys are in {@link #OIDC_KEYS}. */
    public static final String OIDC_ISSUER = "https://ci.rolehop.test";
    /** The audience the demo provider's tokens are issued for. */
    public static final String OIDC_AUDIENCE = "sts.amazonaws.com";
    /** The lab role a CI job assumes with a web identity token whose sub starts with {@code repo:example/}. */
    public static final String CI_ROLE_ARN = "arn:aws:iam::" + LAB_ACCOUNT + ":role/ci-deploy";
    /** The demo provider's JWK set, private key included, beside the world file (0600). */
    public static final String OIDC_KEYS = "oidc-keys.json";

    /** The access portal of the demo world's Identity Center (its {@code sso_start_url}). */
    public static final String SSO_START_URL = "https://rolehop-local.awsapps.com/start";
    /** The Identity Center's region. */
    public static final String SSO_REGION = "us-east-1";

    private DemoWorld() {}

    /**
     * Writes {@code dir/world.yml}, {@code dir/aws/config}, {@code dir/aws/credentials} and the
     * OIDC provider's signing keys {@code dir/oidc-keys.json}.
     *
     * @return the world file
     * @throws UncheckedIOException when a file exists already (nothing is overwritten) or cannot be written
     */
    public static Path write(Path dir) {
        String keyId = Ids.randomUpper("AKIA", 16).replaceAll("[^A-Z0-9]", "7");
        String secret = Ids.randomSecret(30);
        byte[] seedBytes = new byte[20];
        new SecureRandom().nextBytes(seedBytes);
        String seed = Base32.encode(seedBytes);
        Path world = dir.resolve("world.yml");
        Path aws = dir.resolve("aws");
        try {
            Files.createDirectories(aws);
            // The world first: an existing demo is reported by its world file.
            create(world, worldYaml(keyId, secret, seed), true);
            create(dir.resolve(OIDC_KEYS), SigningKeys.newPrivateJwkSet(), true);
            create(aws.resolve("config"), config(), false);
            create(
                    aws.resolve("credentials"),
                    "[default]\naws_access_key_id = " + keyId + "\naws_secret_access_key = " + secret + "\n",
                    true);
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException(e.getFile() + " exists already; choose an empty directory for the demo", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo world in " + dir + ": " + e.getMessage(), e);
        }
        return world;
    }

    private static void create(Path file, String text, boolean secret) throws IOException {
        Files.createFile(
                file,
                PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String config() {
        return "[default]\n"
                + "region = us-east-1\n"
                + "\n"
                + "[profile lab]\n"
                + "role_arn = " + ROLE_ARN + "\n"
                + "source_profile = default\n"
                + "mfa_serial = " + MFA_SERIAL + "\n"
                + "region = us-east-1\n";
    }

    private static String worldYaml(String keyId, String secret, String seed) {
        return """
                # rolehop local demo world (format: docs/local.md). Holds secrets: keep it 0600.
                accounts:
                  - id: "%1$s"
                    alias: jump
                    regions: [us-east-1]
                    users:
                      - name: alice
                        access_keys:
                          - id: %3$s
                            secret: "%4$s"
                        mfa_devices:
                          - serial: %6$s
                            seed: %5$s
                        policies:
                          - name: admin
                            document:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Action: "*"
                                  Resource: "*"
                  - id: "%2$s"
                    alias: lab
                    regions: [us-east-1]
                    roles:
                      - name: lab-admin
                        max_session_duration: 3600
                        trust_policy:
                          Version: "2012-10-17"
                          Statement:
                            - Effect: Allow
                              Principal:
                                AWS: "arn:aws:iam::%1$s:root"
                              Action: sts:AssumeRole
                              Condition:
                                Bool:
                                  aws:MultiFactorAuthPresent: "true"
                        policies:
                          - name: admin
                            document:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Action: "*"
                                  Resource: "*"
                      - name: ci-deploy
                        trust_policy:
                          Version: "2012-10-17"
                          Statement:
                            - Effect: Allow
                              Principal:
                                Federated: "arn:aws:iam::%2$s:oidc-provider/%7$s"
                              Action: sts:AssumeRoleWithWebIdentity
                              Condition:
                                StringEquals:
                                  "%7$s:aud": %8$s
                                StringLike:
                                  "%7$s:sub": "repo:example/*"
                        policies:
                          - name: read-only
                            document:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Action: ["ec2:Describe*", "sts:GetCallerIdentity"]
                                  Resource: "*"
                    oidc_providers:
                      - url: https://%7$s
                        client_ids: [%8$s]
                        keys_file: %9$s
                    instances:
                      - id: i-0a1b2c3d4e5f60718
                        instance_type: t3.micro
                        state: running
                        tags:
                          Name: lab-web
                identity_center:
                  start_url: %10$s
                  region: %11$s
                  users:
                    - name: alice
                  permission_sets:
                    - name: AdministratorAccess
                      session_duration: 3600
                      policies:
                        - name: admin
                          document:
                            Version: "2012-10-17"
                            Statement:
                              - Effect: Allow
                                Action: "*"
                                Resource: "*"
                    - name: ReadOnly
                      policies:
                        - name: read
                          document:
                            Version: "2012-10-17"
                            Statement:
                              - Effect: Allow
                                Action: ["ec2:Describe*", "iam:Get*", "iam:List*"]
                                Resource: "*"
                  assignments:
                    - {user: alice, account: "%1$s", permission_set: ReadOnly}
                    - {user: alice, account: "%2$s", permission_set: AdministratorAccess}
                    - {user: alice, account: "%2$s", permission_set: ReadOnly}
                # A small public catalogue, offered in every region of the world.
                images:
                  - id: ami-0a3c3a20c09d6f377
                    name: al2023-ami-2023.6.20241121.0-kernel-6.1-x86_64
                    owner: amazon
                    description: Amazon Linux 2023 AMI 2023.6.20241121.0 x86_64 HVM kernel-6.1
                    architecture: x86_64
                    creation_date: "2024-11-21T19:25:44.000Z"
                  - id: ami-0b8d3f2c1e4a59607
                    name: al2023-ami-2023.6.20241121.0-kernel-6.1-arm64
                    owner: amazon
                    description: Amazon Linux 2023 AMI 2023.6.20241121.0 arm64 HVM kernel-6.1
                    architecture: arm64
                    creation_date: "2024-11-21T19:25:45.000Z"
                  - id: ami-0c1f4e7d2a8b36590
                    name: amzn2-ami-kernel-5.10-hvm-2.0.20241113.1-x86_64-gp2
                    owner: amazon
                    description: Amazon Linux 2 Kernel 5.10 AMI 2.0.20241113.1 x86_64 HVM gp2
                    architecture: x86_64
                    creation_date: "2024-11-13T22:10:02.000Z"
                    root_volume_type: gp2
                  - id: ami-0e2c8caa4b6378d8c
                    name: ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20241119
                    owner: "099720109477"
                    public: true
                    description: Canonical, Ubuntu, 24.04, amd64 noble image
                    architecture: x86_64
                    creation_date: "2024-11-19T08:21:35.000Z"
                    root_device_name: /dev/sda1
                  - id: ami-005fc0f236362e99f
                    name: ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20241119
                    owner: "099720109477"
                    public: true
                    description: Canonical, Ubuntu, 22.04 LTS, amd64 jammy image
                    architecture: x86_64
                    creation_date: "2024-11-19T06:52:27.000Z"
                    root_device_name: /dev/sda1
                    root_volume_type: gp2
                """.formatted(
                        JUMP_ACCOUNT,
                        LAB_ACCOUNT,
                        keyId,
                        secret,
                        seed,
                        MFA_SERIAL,
                        OIDC_ISSUER.substring("https://".length()),
                        OIDC_AUDIENCE,
                        OIDC_KEYS,
                        SSO_START_URL,
                        SSO_REGION);
    }
}
