package dev.rolehop.aws;

import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleResult;
import dev.rolehop.local.DemoWorld;
import dev.rolehop.local.LocalAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The demo world served by a real {@code rolehop local} on a free loopback port, for tests of
 * the modules over real HTTP with SigV4: the jump account's keys, its environment, and a direct
 * SDK client to check what the modules did.
 */
public final class LocalLab implements AutoCloseable {

    public static final String MFA_SERIAL = "arn:aws:iam::111111111111:mfa/alice";
    public static final String LAB_ROLE = "arn:aws:iam::222222222222:role/lab-admin";

    private final Path dir;
    private final LocalAws local;
    private final String accessKey;
    private final String secretKey;
    private Instant nextMfaAt = Instant.now();

    public LocalLab(Path dir) {
        this(dir, 0);
    }

    /** The demo world on an endpoint that throttles every {@code throttleEvery}th request (0: never). */
    public LocalLab(Path dir, int throttleEvery) {
        this.dir = dir;
        try {
            DemoWorld.write(dir);
            this.local = LocalAws.start(new LocalAws.Options(dir.resolve("world.yml"), null, "127.0.0.1", 0)
                    .withThrottleEvery(throttleEvery));
            Map<String, String> keys = new HashMap<>();
            for (String line : Files.readAllLines(dir.resolve("aws/credentials"))) {
                String[] kv = line.split("=", 2);
                if (kv.length == 2) {
                    keys.putIfAbsent(kv[0].strip(), kv[1].strip());
                }
            }
            this.accessKey = keys.get("aws_access_key_id");
            this.secretKey = keys.get("aws_secret_access_key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return local.endpoint().toString();
    }

    public Path dir() {
        return dir;
    }

    /** The environment of a task using the jump account's static keys, as amazon.aws users set it. */
    public Map<String, String> jumpEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ACCESS_KEY_ID", accessKey);
        env.put("AWS_SECRET_ACCESS_KEY", secretKey);
        env.put("AWS_URL", endpoint());
        env.put("AWS_REGION", "us-east-1");
        return env;
    }

    /** The environment of a task using the demo's config files (profiles default and lab). */
    public Map<String, String> profileEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", dir.toString());
        env.put("AWS_CONFIG_FILE", dir.resolve("aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("aws/credentials").toString());
        env.put("AWS_ENDPOINT_URL", endpoint());
        return env;
    }

    /** A fresh MFA code of alice's device: each call is for a later 30-second step, since a code is accepted once. */
    public synchronized String mfaCode() {
        String code = LocalAws.mfaCode(dir.resolve("world.yml"), MFA_SERIAL, nextMfaAt);
        nextMfaAt = nextMfaAt.plusSeconds(30);
        return code;
    }

    /** An SDK EC2 client of the jump account, to check state independently of the modules. */
    public Ec2Client jumpEc2() {
        return Ec2Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(local.endpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }

    /** Runs a module by name or alias, with its defaults and aliases applied as the engine does. */
    public static ModuleResult run(
            java.util.List<dev.rolehop.engine.module.Module> modules,
            String name,
            Map<String, ?> args,
            TestModuleContext context) {
        var module = modules.stream()
                .filter(m -> m.name().equals(name) || m.aliases().contains(name))
                .findFirst()
                .orElseThrow();
        Map<String, Object> withDefaults = new LinkedHashMap<>();
        module.argumentSpec().arguments().stream()
                .filter(a -> a.defaultValue() != null)
                .forEach(a -> withDefaults.put(a.name(), a.defaultValue()));
        args.forEach((given, value) -> withDefaults.put(
                module.argumentSpec().arguments().stream()
                        .filter(a -> a.name().equals(given) || a.aliases().contains(given))
                        .findFirst()
                        .map(dev.rolehop.engine.module.Argument::name)
                        .orElse(given),
                value));
        return module.run(new ModuleArgs(withDefaults), context);
    }

    @Override
    public void close() {
        local.close();
    }
}
