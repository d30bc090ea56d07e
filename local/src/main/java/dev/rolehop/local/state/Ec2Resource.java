package dev.rolehop.local.state;

/**
 * A stored EC2 resource of one account and region other than a security group (VPCs, subnets,
 * gateways, route tables, ...): a record that {@link RecordCodec} writes to the state and reads
 * back, kept by {@link RegionState} in creation order (tags live beside it in RegionState).
 */
public interface Ec2Resource {

    /** The resource's EC2 id, e.g. {@code vpc-0a1b...}. */
    String id();
}
