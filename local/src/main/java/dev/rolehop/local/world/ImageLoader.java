package dev.rolehop.local.world;

import dev.rolehop.local.text.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the world file's {@code images:} (AMIs) and {@code ec2:} (instance timing) sections. */
final class ImageLoader {

    private static final Pattern IMAGE_ID = Pattern.compile("ami-[0-9a-f]{8,17}");
    /** AWS's rule for image names: 3-128 of letters, digits and ()[] ./-'@_ */
    private static final Pattern IMAGE_NAME = Pattern.compile("[A-Za-z0-9()\\[\\] ./'@_-]{3,128}");

    private static final Pattern OWNER = Pattern.compile("amazon|\\d{12}");
    private static final Pattern ARCHITECTURE = Pattern.compile("x86_64|arm64|i386|x86_64_mac|arm64_mac");
    private static final Pattern IMAGE_STATE =
            Pattern.compile("available|pending|invalid|deregistered|transient|failed|error");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
    private static final Pattern BOOL = Pattern.compile("true|false");
    private static final Pattern DEVICE = Pattern.compile("/dev/[a-z0-9]+");
    private static final Pattern VOLUME_TYPE = Pattern.compile("gp2|gp3|io1|io2|st1|sc1|standard");

    private ImageLoader() {}

    static List<SeedImage> images(String file, YamlMap top, List<Account> accounts, Set<String> seen) {
        List<String> allRegions =
                accounts.stream().flatMap(a -> a.regions().stream()).distinct().toList();
        List<SeedImage> out = new ArrayList<>();
        for (Node n : top.list("images")) {
            YamlMap m = new YamlMap(
                    file,
                    n,
                    "an image",
                    Set.of(
                            "id",
                            "name",
                            "owner",
                            "description",
                            "architecture",
                            "state",
                            "creation_date",
                            "public",
                            "regions",
                            "platform",
                            "root_device_name",
                            "root_volume_size",
                            "root_volume_type",
                            "launch_permissions",
                            "tags"));
            String id = m.string("id", IMAGE_ID, "an image id is ami- followed by 8 or 17 hex digits");
            if (!seen.add("image:" + id)) {
                throw m.error(m.node("id"), "image " + id + " is defined twice");
            }
            String name = m.string("name", IMAGE_NAME, "an image name is 3-128 of letters, digits and ()[] ./-'@_");
            String owner = m.string("owner", OWNER, "'amazon' or a 12-digit account id (quote it)");
            List<String> regions = new ArrayList<>();
            for (Node r : m.list("regions")) {
                String region = m.scalarText(r, "a region");
                if (!allRegions.contains(region)) {
                    throw m.error(
                            r, "region '" + Printable.line(region) + "' is not a region of any account " + allRegions);
                }
                regions.add(region);
            }
            List<String> permissions = new ArrayList<>();
            for (Node p : m.list("launch_permissions")) {
                String account = m.scalarText(p, "an account id");
                if (!account.matches("\\d{12}")) {
                    throw m.error(p, "'" + Printable.line(account) + "' is not a 12-digit account id");
                }
                permissions.add(account);
            }
            String architecture = m.optionalString("architecture", ARCHITECTURE, "x86_64, arm64 or i386");
            String state = m.optionalString("state", IMAGE_STATE, "available, pending, failed, ...");
            String created = m.optionalString("creation_date", DATE, "like 2024-01-31T12:00:00.000Z");
            String isPublic = m.optionalString("public", BOOL, "true or false");
            String platform = m.optionalString("platform", Pattern.compile("windows"), "windows, or leave it out");
            String device = m.optionalString("root_device_name", DEVICE, "a device name like /dev/xvda");
            String type = m.optionalString("root_volume_type", VOLUME_TYPE, "gp2, gp3, io1, io2, st1, sc1 or standard");
            boolean amazon = owner.equals("amazon");
            out.add(new SeedImage(
                    id,
                    name,
                    amazon ? SeedImage.AMAZON_OWNER_ID : owner,
                    amazon ? "amazon" : null,
                    m.optionalString("description", null, "text"),
                    architecture == null ? "x86_64" : architecture,
                    state == null ? "available" : state,
                    created == null ? "2024-01-01T00:00:00.000Z" : created,
                    isPublic == null ? amazon : Boolean.parseBoolean(isPublic),
                    regions.isEmpty() ? allRegions : regions,
                    platform,
                    device == null ? "/dev/xvda" : device,
                    m.integer("root_volume_size", 1, 16384, 8),
                    type == null ? "gp3" : type,
                    permissions,
                    m.stringMap("tags")));
        }
        return out;
    }

    static InstanceTiming timing(String file, YamlMap top) {
        Node node = top.node("ec2");
        if (node == null) {
            return InstanceTiming.DEFAULT;
        }
        YamlMap m = new YamlMap(
                file, node, "the ec2 settings", Set.of("instance_transition_seconds", "terminated_visible_seconds"));
        return new InstanceTiming(
                m.integer("instance_transition_seconds", 0, 3600, InstanceTiming.DEFAULT.transitionSeconds()),
                m.integer("terminated_visible_seconds", 0, 86_400, InstanceTiming.DEFAULT.terminatedVisibleSeconds()));
    }
}
