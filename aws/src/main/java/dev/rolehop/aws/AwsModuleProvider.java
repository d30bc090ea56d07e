package dev.rolehop.aws;

import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.ec2.AvailabilityZoneInfoModule;
import dev.rolehop.aws.ec2.ElasticIpInfoModule;
import dev.rolehop.aws.ec2.ElasticIpModule;
import dev.rolehop.aws.ec2.ImageInfoModule;
import dev.rolehop.aws.ec2.InstanceInfoModule;
import dev.rolehop.aws.ec2.InternetGatewayInfoModule;
import dev.rolehop.aws.ec2.InternetGatewayModule;
import dev.rolehop.aws.ec2.KeyPairModule;
import dev.rolehop.aws.ec2.NatGatewayInfoModule;
import dev.rolehop.aws.ec2.NatGatewayModule;
import dev.rolehop.aws.ec2.NetworkInterfaceInfoModule;
import dev.rolehop.aws.ec2.RegionInfoModule;
import dev.rolehop.aws.ec2.RouteTableInfoModule;
import dev.rolehop.aws.ec2.RouteTableModule;
import dev.rolehop.aws.ec2.SecurityGroupInfoModule;
import dev.rolehop.aws.ec2.SecurityGroupModule;
import dev.rolehop.aws.ec2.SubnetInfoModule;
import dev.rolehop.aws.ec2.SubnetModule;
import dev.rolehop.aws.ec2.TagInfoModule;
import dev.rolehop.aws.ec2.TagModule;
import dev.rolehop.aws.ec2.VpcNetInfoModule;
import dev.rolehop.aws.ec2.VpcNetModule;
import dev.rolehop.aws.sts.CallerInfoModule;
import dev.rolehop.aws.sts.StsAssumeRoleModule;
import dev.rolehop.aws.sts.StsSessionTokenModule;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleProvider;
import java.util.List;

/**
 * Supplies rolehop's AWS modules to the engine. Each call (one per run) makes one client cache
 * shared by all the modules it returns; no SDK client is built until a task needs it.
 */
public final class AwsModuleProvider implements ModuleProvider {

    @Override
    public List<Module> modules() {
        AwsClients clients = new AwsClients(new ResolverProfiles());
        return List.of(
                new StsAssumeRoleModule(clients),
                new StsSessionTokenModule(clients),
                new CallerInfoModule(clients),
                new SecurityGroupModule(clients),
                new SecurityGroupInfoModule(clients),
                new InstanceInfoModule(clients),
                new VpcNetInfoModule(clients),
                new AvailabilityZoneInfoModule(clients),
                new RegionInfoModule(clients),
                new TagModule(clients),
                new TagInfoModule(clients),
                new SubnetInfoModule(clients),
                new InternetGatewayInfoModule(clients),
                new InternetGatewayModule(clients),
                new VpcNetModule(clients),
                new SubnetModule(clients),
                new RouteTableModule(clients),
                new RouteTableInfoModule(clients),
                new NatGatewayModule(clients),
                new NatGatewayInfoModule(clients),
                new ElasticIpModule(clients),
                new ElasticIpInfoModule(clients),
                new NetworkInterfaceInfoModule(clients),
                new KeyPairModule(clients),
                new ImageInfoModule(clients));
    }
}
