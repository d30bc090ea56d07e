package dev.rolehop.local.ec2;

import dev.rolehop.local.state.BlockDevice;
import dev.rolehop.local.state.Instance;
import dev.rolehop.local.state.MetadataOptions;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import java.time.Instant;
import java.util.Map;

/** Writes an instance as RunInstances and DescribeInstances answer it. */
final class InstanceXml {

    private InstanceXml() {}

    /**
     * Writes one {@code instancesSet} item.
     *
     * @param state the state the caller sees
     * @param groupNames group id to name, for the instance's groups
     */
    static void item(
            XmlWriter xml,
            Instance i,
            String state,
            Instant launchTime,
            Map<String, String> tags,
            Map<String, String> groupNames,
            String region) {
        String privateDns = privateDns(i.privateIp(), region);
        xml.open("item")
                .element("instanceId", i.id())
                .element("imageId", i.imageId())
                .open("instanceState")
                .element("code", InstanceLifecycle.CODES.get(state))
                .element("name", state)
                .close("instanceState")
                .element("privateDnsName", privateDns)
                .element("dnsName", publicDns(i.publicIp(), region))
                .element("reason", i.stateReason() == null ? "" : i.stateReason())
                .element("keyName", i.keyName())
                .element("amiLaunchIndex", i.launchIndex())
                .open("productCodes")
                .close("productCodes")
                .element("instanceType", i.attribute("instanceType"))
                .element("launchTime", Ec2Xml.time(launchTime))
                .open("placement")
                .element("availabilityZone", i.availabilityZone())
                .element("groupName", "")
                .element("tenancy", i.tenancy())
                .close("placement")
                .open("monitoring")
                .element("state", i.monitoring() ? "enabled" : "disabled")
                .close("monitoring")
                .element("subnetId", i.subnetId())
                .element("vpcId", i.vpcId())
                .element("privateIpAddress", i.privateIp())
                .element("ipAddress", i.publicIp())
                .element("sourceDestCheck", i.attribute("sourceDestCheck"));
        groups(xml, i, groupNames);
        if (i.stateReason() != null && !state.equals("running") && !state.equals("pending")) {
            xml.open("stateReason")
                    .element("code", "Client.UserInitiatedShutdown")
                    .element("message", "Client.UserInitiatedShutdown: User initiated shutdown")
                    .close("stateReason");
        }
        xml.element("architecture", i.architecture())
                .element("rootDeviceType", "ebs")
                .element("rootDeviceName", i.rootDeviceName())
                .open("blockDeviceMapping");
        for (BlockDevice d : i.blockDevices()) {
            xml.open("item")
                    .element("deviceName", d.deviceName())
                    .open("ebs")
                    .element("volumeId", d.volumeId())
                    .element("status", state.equals("terminated") ? "detached" : "attached")
                    .element("attachTime", Ec2Xml.time(d.attachTime()))
                    .element("deleteOnTermination", d.deleteOnTermination())
                    .close("ebs")
                    .close("item");
        }
        xml.close("blockDeviceMapping")
                .element("virtualizationType", "hvm")
                .element("clientToken", i.clientToken() == null ? "" : i.clientToken());
        Ec2Xml.tagSet(xml, tags);
        xml.element("hypervisor", "xen");
        if (!state.equals("terminated")) {
            networkInterface(xml, i, groupNames, privateDns, region);
        } else {
            xml.open("networkInterfaceSet").close("networkInterfaceSet");
        }
        if (i.iamInstanceProfileArn() != null) {
            xml.open("iamInstanceProfile")
                    .element("arn", i.iamInstanceProfileArn())
                    .element("id", Ids.stable("AIPA", i.iamInstanceProfileArn()))
                    .close("iamInstanceProfile");
        }
        MetadataOptions m = i.metadata();
        xml.element("ebsOptimized", i.attribute("ebsOptimized"))
                .element("enaSupport", true)
                .open("cpuOptions")
                .element("coreCount", 1)
                .element("threadsPerCore", 2)
                .close("cpuOptions")
                .open("capacityReservationSpecification")
                .element("capacityReservationPreference", "open")
                .close("capacityReservationSpecification")
                .open("hibernationOptions")
                .element("configured", false)
                .close("hibernationOptions")
                .open("metadataOptions")
                .element("state", "applied")
                .element("httpTokens", m.httpTokens())
                .element("httpPutResponseHopLimit", m.httpPutResponseHopLimit())
                .element("httpEndpoint", m.httpEndpoint())
                .element("httpProtocolIpv6", m.httpProtocolIpv6())
                .element("instanceMetadataTags", m.instanceMetadataTags())
                .close("metadataOptions")
                .open("enclaveOptions")
                .element("enabled", false)
                .close("enclaveOptions")
                .element("platformDetails", "Linux/UNIX")
                .element("usageOperation", "RunInstances")
                .open("privateDnsNameOptions")
                .element("hostnameType", "ip-name")
                .element("enableResourceNameDnsARecord", false)
                .element("enableResourceNameDnsAAAARecord", false)
                .close("privateDnsNameOptions")
                .open("maintenanceOptions")
                .element("autoRecovery", "default")
                .close("maintenanceOptions")
                .close("item");
    }

    private static void groups(XmlWriter xml, Instance i, Map<String, String> groupNames) {
        xml.open("groupSet");
        for (String id : i.groupIds()) {
            xml.open("item")
                    .element("groupId", id)
                    .element("groupName", groupNames.get(id))
                    .close("item");
        }
        xml.close("groupSet");
    }

    private static void networkInterface(
            XmlWriter xml, Instance i, Map<String, String> groupNames, String privateDns, String region) {
        xml.open("networkInterfaceSet")
                .open("item")
                .element("networkInterfaceId", i.networkInterfaceId())
                .element("subnetId", i.subnetId())
                .element("vpcId", i.vpcId())
                .element("description", "")
                .element("ownerId", i.ownerId())
                .element("status", "in-use")
                .element("macAddress", i.macAddress())
                .element("privateIpAddress", i.privateIp())
                .element("privateDnsName", privateDns)
                .element("sourceDestCheck", i.attribute("sourceDestCheck"));
        groups(xml, i, groupNames);
        xml.open("attachment")
                .element("attachmentId", Ids.stableHex("eni-attach-", i.networkInterfaceId()))
                .element("deviceIndex", 0)
                .element("networkCardIndex", 0)
                .element("status", "attached")
                .element("attachTime", Ec2Xml.time(i.launchTime()))
                .element("deleteOnTermination", true)
                .close("attachment");
        association(xml, i, region);
        xml.open("privateIpAddressesSet")
                .open("item")
                .element("privateIpAddress", i.privateIp())
                .element("privateDnsName", privateDns)
                .element("primary", true);
        association(xml, i, region);
        xml.close("item")
                .close("privateIpAddressesSet")
                .open("ipv6AddressesSet")
                .close("ipv6AddressesSet")
                .element("interfaceType", "interface")
                .close("item")
                .close("networkInterfaceSet");
    }

    private static void association(XmlWriter xml, Instance i, String region) {
        if (i.publicIp() != null) {
            xml.open("association")
                    .element("publicIp", i.publicIp())
                    .element("publicDnsName", publicDns(i.publicIp(), region))
                    .element("ipOwnerId", "amazon")
                    .close("association");
        }
    }

    /** EC2's private DNS name: ip-10-0-0-1.ec2.internal in us-east-1, ip-10-0-0-1.REGION.compute.internal elsewhere. */
    static String privateDns(String ip, String region) {
        String host = "ip-" + ip.replace('.', '-');
        return region.equals("us-east-1") ? host + ".ec2.internal" : host + "." + region + ".compute.internal";
    }

    static String publicDns(String ip, String region) {
        if (ip == null) {
            return "";
        }
        String host = "ec2-" + ip.replace('.', '-');
        return region.equals("us-east-1")
                ? host + ".compute-1.amazonaws.com"
                : host + "." + region + ".compute.amazonaws.com";
    }
}
