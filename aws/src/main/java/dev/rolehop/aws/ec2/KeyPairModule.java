package dev.rolehop.aws.ec2;

import dev.rolehop.aws.AwsModule;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsFailures;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * {@code ec2_key}: makes a named key pair present (created by EC2, whose private key is returned
 * this once, or imported from {@code key_material}; replaced when {@code force} and the material
 * differ or when {@code key_type} differs; tagged) or absent, with amazon.aws 5.5's results and
 * messages. Fewer calls than amazon.aws: the pair's tags come with its description and the result
 * is computed instead of described again, and the fingerprint of an OpenSSH key is computed here
 * ({@link PublicKeyFingerprint}) instead of importing it under a temporary name.
 */
public final class KeyPairModule extends AwsModule {

    private static final String EXISTS = "key pair already exists";
    private static final String UPDATED = "key pair updated";

    public KeyPairModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_key",
                Set.of("ec2_key"),
                clients,
                ArgumentSpec.of(
                                Argument.of("name", ArgumentType.STR).asRequired(),
                                Argument.of("key_material", ArgumentType.STR),
                                Argument.of("force", ArgumentType.BOOL).withDefault(true),
                                Argument.of("state", ArgumentType.STR)
                                        .withDefault("present")
                                        .withChoices("present", "absent"),
                                Argument.of("tags", ArgumentType.DICT).withAliases("resource_tags"),
                                Argument.of("purge_tags", ArgumentType.BOOL).withDefault(true),
                                Argument.of("key_type", ArgumentType.STR).withChoices("rsa", "ed25519"))
                        .mutuallyExclusive("key_material", "key_type"));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        String name = args.string("name").orElseThrow();
        KeyPairInfo key = find(aws, name);
        if ("absent".equals(args.string("state").orElse("present"))) {
            if (key == null) {
                return result(false, null, "key did not exist");
            }
            if (!context.checkMode()) {
                delete(aws, name);
            }
            return result(true, null, "key deleted");
        }
        String material = args.string("key_material").orElse(null);
        String type = args.string("key_type").orElse(null);
        Map<String, Object> tags = args.has("tags") ? args.dict("tags") : null;
        if (key == null) {
            if (context.checkMode()) {
                return result(true, null, "key pair created");
            }
            Map<String, Object> created = material != null
                    ? imported(importKey(aws, name, material, tags), type)
                    : created(create(aws, name, type, tags), type);
            return result(true, created, "key pair created");
        }
        if (material != null && args.bool("force")) {
            if (context.checkMode()) {
                return result(true, null, UPDATED);
            }
            if (key.keyFingerprint().equals(fingerprint(aws, material))) {
                return result(false, described(key, SecurityGroupResult.tags(key.tags())), EXISTS);
            }
            delete(aws, name);
            return result(true, imported(importKey(aws, name, material, tags), null), UPDATED);
        }
        if (type != null && !type.equals(key.keyTypeAsString())) {
            if (context.checkMode()) {
                return result(true, null, UPDATED);
            }
            delete(aws, name);
            return result(true, created(create(aws, name, type, tags), type), UPDATED);
        }
        boolean purge = args.get("purge_tags") == null || args.bool("purge_tags");
        ResourceTags.Ensured retagged =
                ResourceTags.ensure(aws, context, key.keyPairId(), SecurityGroupResult.tags(key.tags()), tags, purge);
        return result(retagged.changed(), described(key, retagged.tags()), EXISTS);
    }

    private static ModuleResult result(boolean changed, Map<String, Object> key, String msg) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("key", key);
        values.put("msg", msg);
        return changed ? ModuleResult.changed(values) : ModuleResult.ok(values);
    }

    /** The pair of this name, or {@code null}: amazon.aws's {@code find_key_pair}. */
    private static KeyPairInfo find(AwsSession aws, String name) {
        var request = DescribeKeyPairsRequest.builder()
                .keyNames(name)
                .overrideConfiguration(aws.tag())
                .build();
        try {
            List<KeyPairInfo> found = aws.ec2().describeKeyPairs(request).keyPairs();
            return found.isEmpty() ? null : found.get(0);
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null
                    && "InvalidKeyPair.NotFound".equals(e.awsErrorDetails().errorCode())) {
                return null;
            }
            throw failure("DescribeKeyPairs", "error finding keypair", e);
        }
    }

    /**
     * EC2's fingerprint of the material: computed for an OpenSSH key, else as amazon.aws learns it
     * (imported under a temporary name, then deleted), so that EC2 judges or refuses the material.
     */
    private static String fingerprint(AwsSession aws, String material) {
        return PublicKeyFingerprint.of(material).orElseGet(() -> {
            String temporary = "ansible-" + UUID.randomUUID();
            String fingerprint = importKey(aws, temporary, material, null).keyFingerprint();
            delete(aws, temporary);
            return fingerprint;
        });
    }

    private static ImportKeyPairResponse importKey(
            AwsSession aws, String name, String material, Map<String, Object> tags) {
        var request = ImportKeyPairRequest.builder()
                .keyName(name)
                .publicKeyMaterial(SdkBytes.fromUtf8String(material))
                .tagSpecifications(ResourceTags.specifications(ResourceType.KEY_PAIR, tags))
                .overrideConfiguration(aws.tag())
                .build();
        return call(aws, "ImportKeyPair", "error importing key", () -> aws.ec2().importKeyPair(request));
    }

    private static CreateKeyPairResponse create(AwsSession aws, String name, String type, Map<String, Object> tags) {
        var request = CreateKeyPairRequest.builder()
                .keyName(name)
                .keyType(type)
                .tagSpecifications(ResourceTags.specifications(ResourceType.KEY_PAIR, tags))
                .overrideConfiguration(aws.tag())
                .build();
        return call(aws, "CreateKeyPair", "error creating key", () -> aws.ec2().createKeyPair(request));
    }

    private static void delete(AwsSession aws, String name) {
        var request = DeleteKeyPairRequest.builder()
                .keyName(name)
                .overrideConfiguration(aws.tag())
                .build();
        call(aws, "DeleteKeyPair", "error deleting key", () -> aws.ec2().deleteKeyPair(request));
    }

    /** amazon.aws's {@code extract_key_data} of a described pair. */
    private static Map<String, Object> described(KeyPairInfo key, Map<String, String> tags) {
        return keyData(key.keyName(), key.keyFingerprint(), key.keyPairId(), tags, null, key.keyTypeAsString());
    }

    /** {@code extract_key_data} of a created pair: EC2 does not say its type, the argument does. */
    private static Map<String, Object> created(CreateKeyPairResponse key, String type) {
        return keyData(
                key.keyName(),
                key.keyFingerprint(),
                key.keyPairId(),
                SecurityGroupResult.tags(key.tags()),
                key.keyMaterial(),
                type);
    }

    private static Map<String, Object> imported(ImportKeyPairResponse key, String type) {
        return keyData(
                key.keyName(), key.keyFingerprint(), key.keyPairId(), SecurityGroupResult.tags(key.tags()), null, type);
    }

    /** {@code extract_key_data}: the pair's fields, those without a value left out ({@code scrub_none_parameters}). */
    private static Map<String, Object> keyData(
            String name, String fingerprint, String id, Map<String, String> tags, String privateKey, String type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("fingerprint", fingerprint);
        data.put("id", id);
        data.put("tags", tags);
        if (privateKey != null) {
            data.put("private_key", privateKey);
        }
        if (type != null) {
            data.put("type", type);
        }
        return data;
    }

    private static <T> T call(AwsSession aws, String operation, String doing, Supplier<T> call) {
        return aws.call("ec2", operation, doing, () -> {
            try {
                return call.get();
            } catch (AwsServiceException e) {
                throw failure(operation, doing, e);
            }
        });
    }

    /**
     * ec2_key's own failure: its {@code Ec2KeyFailure} hands {@code fail_json_aws} its arguments
     * swapped, so the message is botocore's text followed by what the module was doing, and the
     * error response is not returned.
     */
    private static ModuleFailure failure(String operation, String doing, AwsServiceException e) {
        return new ModuleFailure(AwsFailures.of(null, operation, e, 0).getMessage() + ": " + doing, Map.of());
    }
}
