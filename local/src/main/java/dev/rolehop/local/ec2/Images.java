package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.SeedImage;
import dev.rolehop.local.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * EC2 DescribeImages over the world file's AMIs: the images a caller may see are its own, public
 * ones and those shared with it; {@code Owners}, {@code ImageIds}, {@code ExecutableUsers},
 * filters and pages narrow them.
 */
final class Images {

    private static final Set<String> FILTERS = Set.of(
            "architecture",
            "block-device-mapping.device-name",
            "block-device-mapping.snapshot-id",
            "block-device-mapping.volume-size",
            "block-device-mapping.volume-type",
            "block-device-mapping.delete-on-termination",
            "creation-date",
            "description",
            "image-id",
            "image-type",
            "is-public",
            "name",
            "owner-alias",
            "owner-id",
            "platform",
            "root-device-name",
            "root-device-type",
            "state",
            "virtualization-type",
            "hypervisor");

    private final World world;
    private final WorldState state;

    Images(World world, WorldState state) {
        this.world = world;
        this.state = state;
    }

    /** The image with this id that an account may launch in a region, or EC2's error. */
    static SeedImage launchable(World world, String region, String accountId, String imageId) {
        if (!imageId.matches("ami-[0-9a-f]{8,17}")) {
            throw AwsErrorCode.INVALID_AMI_ID_MALFORMED.error(
                    "Invalid id: \"" + imageId + "\" (expecting \"ami-...\")");
        }
        return find(world, region, imageId)
                .filter(i -> i.launchableBy(accountId) && i.state().equals("available"))
                .orElseThrow(() ->
                        AwsErrorCode.INVALID_AMI_ID_NOT_FOUND.error("The image id '[" + imageId + "]' does not exist"));
    }

    /** The image with this id offered in a region, whoever may see it. */
    static Optional<SeedImage> find(World world, String region, String imageId) {
        return world.images().stream()
                .filter(i -> i.id().equals(imageId) && i.regions().contains(region))
                .findFirst();
    }

    String describe(ServiceCall call) {
        QueryParams p = call.params();
        String caller = call.caller().accountId();
        Filters filters = Filters.parse(p, FILTERS);
        List<String> ids = p.values("ImageId");
        List<String> owners = p.values("Owner");
        List<String> users = p.values("ExecutableBy");
        if (!ids.isEmpty() && p.get("MaxResults").isPresent()) {
            throw AwsErrorCode.INVALID_PARAMETER_COMBINATION.error(
                    "The parameter imagesSet cannot be used with the parameter maxResults");
        }
        List<SeedImage> visible = world.images().stream()
                .filter(i -> i.regions().contains(call.region()) && i.launchableBy(caller))
                .toList();
        for (String id : ids) {
            if (!id.matches("ami-[0-9a-f]{8,17}")) {
                throw AwsErrorCode.INVALID_AMI_ID_MALFORMED.error("Invalid id: \"" + id + "\" (expecting \"ami-...\")");
            }
            if (visible.stream().noneMatch(i -> i.id().equals(id))) {
                throw AwsErrorCode.INVALID_AMI_ID_NOT_FOUND.error("The image id '[" + id + "]' does not exist");
            }
        }
        List<SeedImage> selected = new ArrayList<>();
        for (SeedImage i : visible) {
            Map<String, String> tags = tags(call, i);
            if ((ids.isEmpty() || ids.contains(i.id()))
                    && (owners.isEmpty() || owners.stream().anyMatch(o -> ownedBy(i, o, caller)))
                    && (users.isEmpty() || users.stream().anyMatch(u -> executableBy(i, u, caller)))
                    && filters.matches(f -> fields(i, f), tags)) {
                selected.add(i);
            }
        }
        Pages.Page<SeedImage> page = Pages.of(p, selected);
        XmlWriter xml = Ec2Xml.start("DescribeImages", call.requestId()).open("imagesSet");
        for (SeedImage i : page.items()) {
            item(xml, i, tags(call, i));
        }
        xml.close("imagesSet").element("nextToken", page.nextToken());
        return Ec2Xml.end(xml, "DescribeImages");
    }

    /**
     * DescribeImageAttribute for {@code launchPermission} ({@code group: all} for a public image,
     * then the accounts it is shared with) and {@code description}. Like EC2, only the image's
     * owner may ask: anyone else gets {@code AuthFailure}.
     */
    String describeAttribute(ServiceCall call) {
        QueryParams p = call.params();
        String imageId = p.required("ImageId");
        String attribute = p.required("Attribute");
        if (!attribute.equals("launchPermission") && !attribute.equals("description")) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
        SeedImage image = find(world, call.region(), imageId)
                .filter(i -> i.launchableBy(call.caller().accountId()))
                .orElseThrow(() ->
                        AwsErrorCode.INVALID_AMI_ID_NOT_FOUND.error("The image id '[" + imageId + "]' does not exist"));
        if (!image.ownerId().equals(call.caller().accountId())) {
            throw AwsErrorCode.NOT_AUTHORIZED_FOR_RESOURCE.error("Not authorized for image:" + imageId);
        }
        XmlWriter xml = Ec2Xml.start("DescribeImageAttribute", call.requestId()).element("imageId", imageId);
        if (attribute.equals("description")) {
            xml.open("description").element("value", image.description()).close("description");
        } else {
            xml.open("launchPermission");
            if (image.isPublic()) {
                xml.open("item").element("group", "all").close("item");
            }
            image.launchPermissions()
                    .forEach(account ->
                            xml.open("item").element("userId", account).close("item"));
            xml.close("launchPermission");
        }
        return Ec2Xml.end(xml, "DescribeImageAttribute");
    }

    private Map<String, String> tags(ServiceCall call, SeedImage image) {
        // Tags the caller put on an image it owns are state; the world's tags are its owner's.
        Map<String, String> stored = state.read(call.caller().accountId(), call.region(), r -> r.tags(image.id()));
        return image.ownerId().equals(call.caller().accountId()) && !stored.isEmpty() ? stored : image.tags();
    }

    /** {@code Owner.N}: {@code self}, an alias ({@code amazon}) or an account id. */
    private static boolean ownedBy(SeedImage i, String owner, String caller) {
        return switch (owner) {
            case "self" -> i.ownerId().equals(caller);
            case "amazon", "aws-marketplace", "aws-backup-vault" -> owner.equals(i.ownerAlias());
            default -> i.ownerId().equals(owner);
        };
    }

    /** {@code ExecutableBy.N}: {@code self}, {@code all} (public images) or an account id. */
    private static boolean executableBy(SeedImage i, String user, String caller) {
        return switch (user) {
            case "all" -> i.isPublic();
            case "self" -> i.launchPermissions().contains(caller) || i.ownerId().equals(caller);
            default -> i.launchPermissions().contains(user) || i.ownerId().equals(user);
        };
    }

    private static List<String> fields(SeedImage i, String filter) {
        return switch (filter) {
            case "architecture" -> List.of(i.architecture());
            case "block-device-mapping.device-name", "root-device-name" -> List.of(i.rootDeviceName());
            case "block-device-mapping.snapshot-id" -> List.of(i.rootSnapshotId());
            case "block-device-mapping.volume-size" -> List.of(String.valueOf(i.rootVolumeSize()));
            case "block-device-mapping.volume-type" -> List.of(i.rootVolumeType());
            case "block-device-mapping.delete-on-termination" -> List.of("true");
            case "creation-date" -> List.of(i.creationDate());
            case "description" -> i.description() == null ? List.of() : List.of(i.description());
            case "image-id" -> List.of(i.id());
            case "image-type" -> List.of("machine");
            case "is-public" -> List.of(String.valueOf(i.isPublic()));
            case "name" -> List.of(i.name());
            case "owner-alias" -> i.ownerAlias() == null ? List.of() : List.of(i.ownerAlias());
            case "owner-id" -> List.of(i.ownerId());
            case "platform" -> i.platform() == null ? List.of() : List.of(i.platform());
            case "root-device-type" -> List.of("ebs");
            case "state" -> List.of(i.state());
            case "virtualization-type" -> List.of("hvm");
            case "hypervisor" -> List.of("xen");
            default -> List.of();
        };
    }

    private static void item(XmlWriter xml, SeedImage i, Map<String, String> tags) {
        xml.open("item")
                .element("imageId", i.id())
                .element("imageLocation", (i.ownerAlias() == null ? i.ownerId() : i.ownerAlias()) + "/" + i.name())
                .element("imageState", i.state())
                .element("imageOwnerId", i.ownerId())
                .element("creationDate", i.creationDate())
                .element("isPublic", i.isPublic())
                .element("architecture", i.architecture())
                .element("imageType", "machine")
                .element("platform", i.platform())
                .element("platformDetails", i.platform() == null ? "Linux/UNIX" : "Windows")
                .element("usageOperation", i.platform() == null ? "RunInstances" : "RunInstances:0002")
                .element("imageOwnerAlias", i.ownerAlias())
                .element("name", i.name())
                .element("description", i.description())
                .element("enaSupport", true)
                .element("rootDeviceType", "ebs")
                .element("rootDeviceName", i.rootDeviceName())
                .open("blockDeviceMapping")
                .open("item")
                .element("deviceName", i.rootDeviceName())
                .open("ebs")
                .element("snapshotId", i.rootSnapshotId())
                .element("volumeSize", i.rootVolumeSize())
                .element("deleteOnTermination", true)
                .element("volumeType", i.rootVolumeType())
                .element("encrypted", false)
                .close("ebs")
                .close("item")
                .close("blockDeviceMapping")
                .element("virtualizationType", "hvm")
                .element("hypervisor", "xen")
                .element("bootMode", i.architecture().startsWith("arm64") ? "uefi" : null)
                .element("deprecationTime", null);
        Ec2Xml.tagSet(xml, tags);
        xml.close("item");
    }
}
