package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.KeyPair;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * EC2 key pairs: CreateKeyPair (real RSA or ED25519 pairs, the private key answered once and
 * never kept), ImportKeyPair, DeleteKeyPair and DescribeKeyPairs.
 */
final class KeyPairs {

    private static final Set<String> FILTERS = Set.of("key-name", "key-pair-id", "fingerprint", "key-type");
    private static final int MAX_NAME = 255;

    private final WorldState state;

    KeyPairs(WorldState state) {
        this.state = state;
    }

    String create(ServiceCall call) {
        QueryParams p = call.params();
        String name = name(p);
        String type = p.get("KeyType").orElse("rsa");
        if (!type.equals("rsa") && !type.equals("ed25519")) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Value (" + type + ") for parameter keyType is invalid. Valid values are rsa and ed25519.");
        }
        String format = p.get("KeyFormat").orElse("pem");
        if (!format.equals("pem") && !format.equals("ppk")) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Value (" + format + ") for parameter keyFormat is invalid. Valid values are pem and ppk.");
        }
        Map<String, String> tags = tags(p);
        KeyMaterial.Created created = KeyMaterial.create(type, format, name);
        KeyPair pair = store(
                call,
                new KeyPair(Ids.randomHex("key-"), name, created.fingerprint(), type, created.publicKey(), call.now()),
                tags);
        XmlWriter xml = Ec2Xml.start("CreateKeyPair", call.requestId())
                .element("keyName", pair.name())
                .element("keyFingerprint", pair.fingerprint())
                .element("keyMaterial", created.privateKey())
                .element("keyPairId", pair.id());
        Ec2Xml.tagSet(xml, tags);
        return Ec2Xml.end(xml, "CreateKeyPair");
    }

    String importKey(ServiceCall call) {
        QueryParams p = call.params();
        String name = name(p);
        byte[] material;
        try {
            material = Base64.getMimeDecoder().decode(p.required("PublicKeyMaterial"));
        } catch (IllegalArgumentException e) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Value for parameter PublicKeyMaterial is invalid. It must be base64-encoded.");
        }
        KeyMaterial.Imported imported = KeyMaterial.parse(material);
        Map<String, String> tags = tags(p);
        KeyPair pair = store(
                call,
                new KeyPair(
                        Ids.randomHex("key-"),
                        name,
                        imported.fingerprint(),
                        imported.type(),
                        imported.publicKey(),
                        call.now()),
                tags);
        XmlWriter xml = Ec2Xml.start("ImportKeyPair", call.requestId())
                .element("keyFingerprint", pair.fingerprint())
                .element("keyName", pair.name())
                .element("keyPairId", pair.id());
        Ec2Xml.tagSet(xml, tags);
        return Ec2Xml.end(xml, "ImportKeyPair");
    }

    private KeyPair store(ServiceCall call, KeyPair pair, Map<String, String> tags) {
        state.change(call.caller().accountId(), call.region(), r -> {
            if (byName(r, pair.name()).isPresent()) {
                throw AwsErrorCode.INVALID_KEY_PAIR_DUPLICATE.error(
                        "The keypair '" + pair.name() + "' already exists.");
            }
            r.putResource(pair);
            tags.forEach((k, v) -> r.tag(pair.id(), k, v));
            return null;
        });
        return pair;
    }

    /** Deletes by name or id; like EC2, deleting a key pair that is not there succeeds. */
    String delete(ServiceCall call) {
        QueryParams p = call.params();
        Optional<String> name = p.get("KeyName");
        Optional<String> id = p.get("KeyPairId");
        if (name.isEmpty() && id.isEmpty()) {
            throw AwsErrorCode.MISSING_PARAMETER.error("The request must contain the parameter KeyName or KeyPairId");
        }
        String deleted = state.change(call.caller().accountId(), call.region(), r -> {
            Optional<KeyPair> pair = id.isPresent() ? r.resource(KeyPair.class, id.get()) : byName(r, name.get());
            pair.ifPresent(k -> r.removeResource(k.id()));
            return pair.map(KeyPair::id).orElse(null);
        });
        XmlWriter xml = Ec2Xml.start("DeleteKeyPair", call.requestId())
                .element("return", true)
                .element("keyPairId", deleted);
        return Ec2Xml.end(xml, "DeleteKeyPair");
    }

    String describe(ServiceCall call) {
        QueryParams p = call.params();
        Filters filters = Filters.parse(p, FILTERS);
        List<String> names = p.values("KeyName");
        List<String> ids = p.values("KeyPairId");
        boolean includePublicKey =
                p.get("IncludePublicKey").map(Boolean::parseBoolean).orElse(false);
        XmlWriter xml = Ec2Xml.start("DescribeKeyPairs", call.requestId()).open("keySet");
        state.read(call.caller().accountId(), call.region(), r -> {
            List<KeyPair> all = r.resources(KeyPair.class);
            for (String name : names) {
                if (all.stream().noneMatch(k -> k.name().equals(name))) {
                    throw notFound(name);
                }
            }
            for (String id : ids) {
                if (all.stream().noneMatch(k -> k.id().equals(id))) {
                    throw notFound(id);
                }
            }
            for (KeyPair k : all) {
                Map<String, String> tags = r.tags(k.id());
                boolean selected = (names.isEmpty() || names.contains(k.name()))
                        && (ids.isEmpty() || ids.contains(k.id()))
                        && filters.matches(
                                f -> switch (f) {
                                    case "key-name" -> List.of(k.name());
                                    case "key-pair-id" -> List.of(k.id());
                                    case "fingerprint" -> List.of(k.fingerprint());
                                    case "key-type" -> List.of(k.type());
                                    default -> List.of();
                                },
                                tags);
                if (selected) {
                    xml.open("item")
                            .element("keyPairId", k.id())
                            .element("keyFingerprint", k.fingerprint())
                            .element("keyName", k.name())
                            .element("keyType", k.type());
                    Ec2Xml.tagSet(xml, tags);
                    xml.element("publicKey", includePublicKey ? k.publicKey() + " " + k.name() : null)
                            .element("createTime", Ec2Xml.time(k.createTime()))
                            .close("item");
                }
            }
            return null;
        });
        xml.close("keySet");
        return Ec2Xml.end(xml, "DescribeKeyPairs");
    }

    /** The key pair of this name, for RunInstances. */
    static Optional<KeyPair> byName(RegionState r, String name) {
        return r.resources(KeyPair.class).stream()
                .filter(k -> k.name().equals(name))
                .findFirst();
    }

    static dev.rolehop.local.wire.AwsException notFound(String nameOrId) {
        return AwsErrorCode.INVALID_KEY_PAIR_NOT_FOUND.error("The key pair '" + nameOrId + "' does not exist");
    }

    private static String name(QueryParams p) {
        String name = p.required("KeyName");
        if (name.length() > MAX_NAME || !name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Value (" + name
                    + ") for parameter keyName is invalid. A key pair name is up to 255 ASCII characters.");
        }
        return name;
    }

    private static Map<String, String> tags(QueryParams p) {
        Map<String, String> tags = TagSpecifications.tags(p, "key-pair");
        Ec2Validation.tagCount(List.of(), tags.keySet());
        return tags;
    }
}
