package dev.rolehop.local.ec2;

import dev.rolehop.local.auth.Caller;
import dev.rolehop.local.service.Authorizer;
import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.service.ServiceHandler;
import dev.rolehop.local.service.Verdict;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.world.DefaultVpc;
import dev.rolehop.local.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EC2 for the caller's account in the request's region: security groups, tags, VPCs and their
 * networking (subnets, internet gateways, route tables, DHCP options, Elastic IP addresses, network
 * interfaces, NAT gateways), zones
 * and regions, instances. Every action is authorized against the caller's policies.
 */
public final class Ec2Handler implements ServiceHandler {

    private final World world;
    private final WorldState state;
    private final SecurityGroups groups;
    private final Vpcs vpcs;
    private final VpcCidrBlocks vpcCidrBlocks;
    private final DhcpOptionsSets dhcpOptions;
    private final Subnets subnets;
    private final InternetGateways internetGateways;
    private final Routes routes;
    private final RouteTables routeTables;
    private final NetworkAcls networkAcls;
    private final Zones zones;
    private final Instances instances;
    private final Tags tags;
    private final KeyPairs keyPairs;
    private final Images images;
    private final RunInstances runInstances;
    private final InstanceActions instanceActions;
    private final InstanceAttributes instanceAttributes;
    private final ElasticIps elasticIps;
    private final NetworkInterfaces networkInterfaces;
    private final InterfaceChanges interfaceChanges;
    private final NatGateways natGateways;

    /** Creates the handler over a world and its state. */
    public Ec2Handler(World world, WorldState state) {
        this.world = world;
        this.state = state;
        this.groups = new SecurityGroups(state);
        this.vpcs = new Vpcs(state);
        this.vpcCidrBlocks = new VpcCidrBlocks(state);
        this.dhcpOptions = new DhcpOptionsSets(state);
        this.subnets = new Subnets(state);
        this.internetGateways = new InternetGateways(state);
        this.routes = new Routes(state);
        this.routeTables = new RouteTables(state, routes);
        this.networkAcls = new NetworkAcls(state);
        this.zones = new Zones(state);
        InstanceLifecycle lifecycle = new InstanceLifecycle(world.instanceTiming());
        this.instances = new Instances(state, lifecycle);
        this.tags = new Tags(state, world);
        this.keyPairs = new KeyPairs(state);
        this.images = new Images(world, state);
        this.runInstances = new RunInstances(world, state, lifecycle);
        this.instanceActions = new InstanceActions(state, lifecycle);
        this.instanceAttributes = new InstanceAttributes(state, lifecycle);
        this.elasticIps = new ElasticIps(state, lifecycle);
        this.networkInterfaces = new NetworkInterfaces(state, lifecycle);
        this.interfaceChanges = new InterfaceChanges(state, lifecycle);
        this.natGateways = new NatGateways(state, lifecycle);
    }

    @Override
    public String service() {
        return "ec2";
    }

    @Override
    public String namespace() {
        return Ec2Xml.NAMESPACE;
    }

    @Override
    public boolean ec2Errors() {
        return true;
    }

    @Override
    public String handle(ServiceCall call) {
        Caller caller = call.caller();
        if (!state.hasRegion(caller.accountId(), call.region())) {
            // Like a region not enabled for the account: AWS cannot validate the credentials there.
            throw AwsErrorCode.AUTH_FAILURE.error();
        }
        DefaultVpc vpc = DefaultVpc.of(caller.accountId(), call.region());
        for (String resource : resources(call)) {
            authorize(call, resource);
        }
        if (call.params().get("DryRun").map(Boolean::parseBoolean).orElse(false)) {
            // Authorized, and nothing is done: EC2 answers DryRunOperation (412).
            throw AwsErrorCode.DRY_RUN_OPERATION.error();
        }
        return switch (call.action()) {
            case "CreateSecurityGroup" -> groups.create(call, vpc);
            case "DeleteSecurityGroup" -> groups.delete(call, vpc);
            case "DescribeSecurityGroups" -> groups.describe(call, vpc);
            case "AuthorizeSecurityGroupIngress" -> groups.authorize(call, vpc, false);
            case "AuthorizeSecurityGroupEgress" -> groups.authorize(call, vpc, true);
            case "RevokeSecurityGroupIngress" -> groups.revoke(call, vpc, false);
            case "RevokeSecurityGroupEgress" -> groups.revoke(call, vpc, true);
            case "UpdateSecurityGroupRuleDescriptionsIngress" -> groups.updateDescriptions(call, vpc, false);
            case "UpdateSecurityGroupRuleDescriptionsEgress" -> groups.updateDescriptions(call, vpc, true);
            case "CreateVpc" -> vpcs.create(call);
            case "DeleteVpc" -> vpcs.delete(call);
            case "DescribeVpcs" -> vpcs.describe(call);
            case "DescribeVpcAttribute" -> vpcs.describeAttribute(call);
            case "ModifyVpcAttribute" -> vpcs.modifyAttribute(call);
            case "AssociateVpcCidrBlock" -> vpcCidrBlocks.associate(call);
            case "DisassociateVpcCidrBlock" -> vpcCidrBlocks.disassociate(call);
            case "CreateDhcpOptions" -> dhcpOptions.create(call);
            case "DescribeDhcpOptions" -> dhcpOptions.describe(call);
            case "AssociateDhcpOptions" -> dhcpOptions.associate(call);
            case "DeleteDhcpOptions" -> dhcpOptions.delete(call);
            case "CreateSubnet" -> subnets.create(call);
            case "DeleteSubnet" -> subnets.delete(call);
            case "DescribeSubnets" -> subnets.describe(call);
            case "ModifySubnetAttribute" -> subnets.modifyAttribute(call);
            case "AssociateSubnetCidrBlock" -> subnets.associateCidrBlock(call);
            case "DisassociateSubnetCidrBlock" -> subnets.disassociateCidrBlock(call);
            case "CreateInternetGateway" -> internetGateways.create(call);
            case "AttachInternetGateway" -> internetGateways.attach(call);
            case "DetachInternetGateway" -> internetGateways.detach(call);
            case "DeleteInternetGateway" -> internetGateways.delete(call);
            case "DescribeInternetGateways" -> internetGateways.describe(call);
            case "CreateRouteTable" -> routeTables.create(call);
            case "DeleteRouteTable" -> routeTables.delete(call);
            case "DescribeRouteTables" -> routeTables.describe(call);
            case "AssociateRouteTable" -> routeTables.associate(call);
            case "DisassociateRouteTable" -> routeTables.disassociate(call);
            case "ReplaceRouteTableAssociation" -> routeTables.replaceAssociation(call);
            case "CreateRoute" -> routes.create(call);
            case "ReplaceRoute" -> routes.replace(call);
            case "DeleteRoute" -> routes.delete(call);
            case "DescribeNetworkAcls" -> networkAcls.describe(call);
            case "DescribeAvailabilityZones" -> zones.describeZones(call);
            case "DescribeRegions" ->
                zones.describeRegions(call, world.account(caller.accountId()).orElseThrow());
            case "DescribeAccountAttributes" -> zones.describeAccountAttributes(call);
            // EC2-Classic and ClassicLink are retired (August 2023): AWS answers these for every
            // VPC of every account with UnsupportedOperation, which amazon.aws's ec2_vpc_net_info
            // tolerates (it then reports classic_link_enabled/_dns_supported false).
            case "DescribeVpcClassicLink", "DescribeVpcClassicLinkDnsSupport" ->
                throw AwsErrorCode.UNSUPPORTED_OPERATION.error();
            case "DescribeInstances" -> instances.describe(call);
            case "DescribeInstanceStatus" -> instances.status(call);
            case "RunInstances" -> runInstances.run(call);
            case "StartInstances" -> instanceActions.start(call);
            case "StopInstances" -> instanceActions.stop(call);
            case "TerminateInstances" -> instanceActions.terminate(call);
            case "RebootInstances" -> instanceActions.reboot(call);
            case "DescribeInstanceAttribute" -> instanceAttributes.describe(call);
            case "ModifyInstanceAttribute" -> instanceAttributes.modify(call);
            case "AllocateAddress" -> elasticIps.allocate(call);
            case "DescribeAddresses" -> elasticIps.describe(call);
            case "AssociateAddress" -> elasticIps.associate(call);
            case "DisassociateAddress" -> elasticIps.disassociate(call);
            case "ReleaseAddress" -> elasticIps.release(call);
            case "CreateNetworkInterface" -> networkInterfaces.create(call);
            case "DeleteNetworkInterface" -> networkInterfaces.delete(call);
            case "DescribeNetworkInterfaces" -> networkInterfaces.describe(call);
            case "AttachNetworkInterface" -> interfaceChanges.attach(call);
            case "DetachNetworkInterface" -> interfaceChanges.detach(call);
            case "ModifyNetworkInterfaceAttribute" -> interfaceChanges.modifyAttribute(call);
            case "DescribeNetworkInterfaceAttribute" -> interfaceChanges.describeAttribute(call);
            case "AssignPrivateIpAddresses" -> interfaceChanges.assignPrivateIps(call);
            case "UnassignPrivateIpAddresses" -> interfaceChanges.unassignPrivateIps(call);
            case "CreateNatGateway" -> natGateways.create(call);
            case "DescribeNatGateways" -> natGateways.describe(call);
            case "DeleteNatGateway" -> natGateways.delete(call);
            case "CreateKeyPair" -> keyPairs.create(call);
            case "ImportKeyPair" -> keyPairs.importKey(call);
            case "DeleteKeyPair" -> keyPairs.delete(call);
            case "DescribeKeyPairs" -> keyPairs.describe(call);
            case "DescribeImages" -> images.describe(call);
            case "DescribeImageAttribute" -> images.describeAttribute(call);
            case "CreateTags" -> tags.create(call, vpc);
            case "DeleteTags" -> tags.delete(call, vpc);
            case "DescribeTags" -> tags.describe(call, vpc);
            default ->
                throw AwsErrorCode.INVALID_ACTION.error(
                        "The action " + call.action() + " is not valid for this web service.");
        };
    }

    /** The resource ARNs an action touches, as IAM evaluates EC2 (Describe* is always "*"). */
    private static List<String> resources(ServiceCall call) {
        String prefix = "arn:aws:ec2:" + call.region() + ":" + call.caller().accountId() + ":";
        String action = call.action();
        List<String> out = new ArrayList<>();
        Optional<List<String>> network = NetworkArns.of(call);
        if (network.isPresent()) {
            return network.get();
        }
        if (action.startsWith("Describe")) {
            out.add("*");
        } else if (action.equals("CreateSecurityGroup")) {
            out.add(prefix + "security-group/*");
        } else if (action.endsWith("Tags")) {
            for (String id : call.params().values("ResourceId")) {
                out.add(prefix + type(id) + "/" + id);
            }
        } else if (action.endsWith("KeyPair")) {
            // IAM names key pairs by name: arn:aws:ec2:REGION:ACCOUNT:key-pair/NAME.
            out.add(prefix + "key-pair/" + call.params().get("KeyName").orElse("*"));
        } else if (action.equals("RunInstances")) {
            out.addAll(InstanceArns.runInstances(call, prefix));
        } else if (action.endsWith("Instances") || action.endsWith("InstanceAttribute")) {
            call.params().values("InstanceId").forEach(id -> out.add(prefix + "instance/" + id));
            call.params().get("InstanceId").ifPresent(id -> out.add(prefix + "instance/" + id));
        } else {
            out.add(prefix + "security-group/" + call.params().get("GroupId").orElse("*"));
        }
        return out;
    }

    private static String type(String id) {
        if (id.startsWith("sg-")) {
            return "security-group";
        }
        if (id.startsWith("i-")) {
            return "instance";
        }
        if (id.startsWith("ami-")) {
            return "image";
        }
        if (id.startsWith("key-")) {
            return "key-pair";
        }
        if (id.startsWith("vol-")) {
            return "volume";
        }
        if (id.startsWith("eni-")) {
            return "network-interface";
        }
        return id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
    }

    private static void authorize(ServiceCall call, String resource) {
        String action = "ec2:" + call.action();
        Verdict v =
                Authorizer.decide(call.caller(), action, resource, call, Map.of("ec2:Region", List.of(call.region())));
        if (!v.allowed()) {
            throw AwsErrorCode.UNAUTHORIZED_OPERATION.error("You are not authorized to perform this operation. User: "
                    + call.caller().arn() + " is not authorized to perform: " + action
                    + (resource.equals("*") ? " " : " on resource: " + resource + " ")
                    + v.reason(action));
        }
    }
}
