package dev.rolehop.aws.ec2;

import dev.rolehop.aws.AwsModule;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.DeprecatedAlias;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AssociateAddressRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateAddressRequest;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressRequest;

/**
 * {@code ec2_eip}: allocates, finds, associates with an instance or network interface,
 * disassociates and releases Elastic IP addresses, as amazon.aws 5.5 does, returning
 * {@code public_ip} and {@code allocation_id} (present) or {@code disassociated} and
 * {@code released} (absent). Fewer calls: the address found at the start (or just allocated) is
 * not described again to see whether it is associated, and its tags come with it.
 */
public final class ElasticIpModule extends AwsModule {

    public ElasticIpModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_eip",
                Set.of("ec2_eip", "community.aws.ec2_eip"),
                clients,
                ArgumentSpec.of(
                        Argument.of("device_id", ArgumentType.STR)
                                .withAliases("instance_id")
                                .withDeprecatedAliases(
                                        DeprecatedAlias.byDate("instance_id", "2022-12-01", "amazon.aws")),
                        Argument.of("public_ip", ArgumentType.STR).withAliases("ip"),
                        Argument.of("state", ArgumentType.STR)
                                .withDefault("present")
                                .withChoices("present", "absent"),
                        Argument.of("in_vpc", ArgumentType.BOOL).withDefault(false),
                        Argument.of("reuse_existing_ip_allowed", ArgumentType.BOOL)
                                .withDefault(false),
                        Argument.of("release_on_disassociation", ArgumentType.BOOL)
                                .withDefault(false),
                        Argument.of("allow_reassociation", ArgumentType.BOOL).withDefault(false),
                        Argument.of("private_ip_address", ArgumentType.STR),
                        Argument.of("tags", ArgumentType.DICT).withAliases("resource_tags"),
                        Argument.of("purge_tags", ArgumentType.BOOL).withDefault(true),
                        Argument.of("tag_name", ArgumentType.STR),
                        Argument.of("tag_value", ArgumentType.STR),
                        Argument.of("public_ipv4_pool", ArgumentType.STR)));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        String device = args.string("device_id").orElse(null);
        if (args.string("private_ip_address").isPresent() && device == null) {
            // Ansible's required_by, checked as the module starts.
            throw new ModuleFailure("missing parameter(s) required by 'private_ip_address': device_id");
        }
        boolean inVpc = args.bool("in_vpc");
        boolean instance = device != null && device.startsWith("i-");
        if (device != null && !instance && device.startsWith("eni-") && !inVpc) {
            throw new ModuleFailure("If you are specifying an ENI, in_vpc must be true");
        }
        Map<String, Object> tagFilter = tagFilter(args);
        boolean absent = args.string("state").orElseThrow().equals("absent");
        Address address;
        try {
            address = find(aws, args.string("public_ip").orElse(null), device, instance);
        } catch (ModuleFailure failure) {
            if (!FailureCodes.of(failure).equals("InvalidAddress.NotFound")) {
                throw failure;
            }
            if (absent) {
                // Already gone.
                return absentResult(false, false, false);
            }
            throw new ModuleFailure(
                    "Couldn't obtain list of existing Elastic IP addresses: " + failure.getMessage(), failure.values());
        }
        return absent
                ? absent(args, aws, context, address, device, instance)
                : present(args, aws, context, address, device, instance, tagFilter);
    }

    private static ModuleResult present(
            ModuleArgs args,
            AwsSession aws,
            ModuleContext context,
            Address found,
            String device,
            boolean instance,
            Map<String, Object> tagFilter) {
        String domain = args.bool("in_vpc") ? "vpc" : null;
        boolean reuse = args.bool("reuse_existing_ip_allowed");
        Address address = found;
        boolean changed = false;
        if (address == null) {
            if (context.checkMode() && device != null) {
                return ModuleResult.changed(Map.of());
            }
            ElasticIpAllocations.Allocated allocated = device != null
                    ? ElasticIpAllocations.allocateOrReuse(aws, context, domain, reuse, null, null)
                    : ElasticIpAllocations.allocateOrReuse(
                            aws,
                            context,
                            domain,
                            reuse,
                            tagFilter,
                            args.string("public_ipv4_pool").orElse(null));
            if (allocated.address() == null) {
                return ModuleResult.changed(Map.of());
            }
            address = allocated.address();
            changed = allocated.changed();
        }
        if (device != null) {
            verifyDevice(aws, device, instance, reuse, domain);
            changed |= associate(args, aws, context, address, device, instance);
        }
        Map<String, Object> wanted = args.has("tags") ? args.dict("tags") : null;
        changed |= ResourceTags.ensure(
                        aws,
                        context,
                        address.allocationId(),
                        SecurityGroupResult.tags(address.tags()),
                        wanted,
                        args.bool("purge_tags"))
                .changed();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("public_ip", address.publicIp());
        result.put("allocation_id", address.allocationId());
        return changed ? ModuleResult.changed(result) : ModuleResult.ok(result);
    }

    /** The address given by {@code public_ip}, else the one on the device, else none. */
    private static Address find(AwsSession aws, String publicIp, String device, boolean instance) {
        var request = DescribeAddressesRequest.builder().overrideConfiguration(aws.tag());
        if (publicIp != null) {
            request.publicIps(publicIp);
        } else if (device != null) {
            request.filters(Filters.of(Map.of(instance ? "instance-id" : "network-interface-id", device)));
        } else {
            return null;
        }
        List<Address> addresses = aws.call(
                "ec2",
                "DescribeAddresses",
                null,
                () -> aws.ec2().describeAddresses(request.build()).addresses());
        if (addresses.size() > 1) {
            throw new ModuleFailure("Found more than one address using args "
                    + (publicIp != null ? "{'PublicIps': ['" + publicIp + "']}" : "the device " + device));
        }
        return addresses.isEmpty() ? null : addresses.get(0);
    }

    /** Fails as amazon.aws does when the device does not exist (or, reusing, a VPC instance lacks in_vpc). */
    private static void verifyDevice(AwsSession aws, String device, boolean instance, boolean reuse, String domain) {
        if (!instance) {
            aws.call(
                    "ec2",
                    "DescribeNetworkInterfaces",
                    "Couldn't get list of network interfaces.",
                    () -> aws.ec2()
                            .describeNetworkInterfaces(DescribeNetworkInterfacesRequest.builder()
                                    .networkInterfaceIds(device)
                                    .overrideConfiguration(aws.tag())
                                    .build()));
            return;
        }
        var request = DescribeInstancesRequest.builder()
                .instanceIds(device)
                .overrideConfiguration(aws.tag())
                .build();
        List<Instance> instances = aws.call(
                "ec2",
                "DescribeInstances",
                "Couldn't get list of instances",
                () -> aws.ec2().describeInstancesPaginator(request).reservations().stream()
                        .flatMap(r -> r.instances().stream())
                        .toList());
        if (reuse && domain == null && !instances.isEmpty() && instances.get(0).vpcId() != null) {
            // amazon.aws passes the exception class itself, so its message ends with the class.
            throw new ModuleFailure("You must set 'in_vpc' to true to associate an instance with an existing ip in a"
                    + " vpc: <class 'botocore.exceptions.ClientError'>");
        }
    }

    private static boolean associate(
            ModuleArgs args, AwsSession aws, ModuleContext context, Address address, String device, boolean instance) {
        if (device.equals(instance ? address.instanceId() : address.networkInterfaceId())) {
            return false;
        }
        if (context.checkMode()) {
            return true;
        }
        var request = AssociateAddressRequest.builder()
                .allowReassociation(args.bool("allow_reassociation"))
                .privateIpAddress(args.string("private_ip_address").orElse(null))
                .overrideConfiguration(aws.tag());
        if (instance) {
            request.instanceId(device);
            if ("vpc".equals(address.domainAsString())) {
                request.allocationId(address.allocationId());
            } else {
                request.publicIp(address.publicIp());
            }
        } else {
            request.networkInterfaceId(device).allocationId(address.allocationId());
        }
        String error = "Couldn't associate Elastic IP address with " + (instance ? "instance" : "network interface")
                + " '" + device + "'";
        aws.call("ec2", "AssociateAddress", error, () -> aws.ec2().associateAddress(request.build()));
        return true;
    }

    private static ModuleResult absent(
            ModuleArgs args, AwsSession aws, ModuleContext context, Address address, String device, boolean instance) {
        if (device == null) {
            if (address == null && !context.checkMode()) {
                // amazon.aws fails here with a Python TypeError; say what is missing instead.
                throw new ModuleFailure("no Elastic IP address to release: give public_ip or device_id");
            }
            if (address != null) {
                release(aws, context, address);
            }
            return absentResult(true, false, true);
        }
        if (address == null || !device.equals(instance ? address.instanceId() : address.networkInterfaceId())) {
            return absentResult(false, false, false);
        }
        if (!context.checkMode()) {
            var request = DisassociateAddressRequest.builder().overrideConfiguration(aws.tag());
            if ("vpc".equals(address.domainAsString())) {
                request.associationId(address.associationId());
            } else {
                request.publicIp(address.publicIp());
            }
            aws.call(
                    "ec2",
                    "DisassociateAddress",
                    "Dissassociation of Elastic IP failed",
                    () -> aws.ec2().disassociateAddress(request.build()));
        }
        if (args.bool("release_on_disassociation")) {
            release(aws, context, address);
            return absentResult(true, true, true);
        }
        return absentResult(true, true, false);
    }

    private static void release(AwsSession aws, ModuleContext context, Address address) {
        if (context.checkMode()) {
            return;
        }
        aws.call(
                "ec2",
                "ReleaseAddress",
                "Couldn't release Elastic IP address",
                () -> aws.ec2()
                        .releaseAddress(ReleaseAddressRequest.builder()
                                .allocationId(address.allocationId())
                                .overrideConfiguration(aws.tag())
                                .build()));
    }

    private static ModuleResult absentResult(boolean changed, boolean disassociated, boolean released) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("disassociated", disassociated);
        result.put("released", released);
        return changed ? ModuleResult.changed(result) : ModuleResult.ok(result);
    }

    /**
     * The tag filter for finding an address to reuse, as amazon.aws's {@code generate_tag_dict}
     * (Python's {@code str.strip('tag:')} included: it strips those characters, not the prefix).
     */
    private static Map<String, Object> tagFilter(ModuleArgs args) {
        String name = args.string("tag_name").orElse(null);
        String value = args.string("tag_value").orElse(null);
        if (name != null && value == null) {
            if (name.startsWith("tag:")) {
                name = name.replaceAll("^[tag:]+|[tag:]+$", "");
            }
            return Map.of("tag-key", name);
        }
        if (name != null) {
            return Map.of(name.startsWith("tag:") ? name : "tag:" + name, value);
        }
        if (value != null) {
            throw new ModuleFailure("parameters are required together: ('tag_name', 'tag_value')");
        }
        return null;
    }
}
