package dev.rolehop.local.state;

import java.util.Objects;

/** An internet gateway; {@code vpcId} is the VPC it is attached to, or null. */
public record InternetGateway(String id, String ownerId, String vpcId) implements Ec2Resource {

    public InternetGateway {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
    }

    /** This gateway attached to a VPC (null: detached). */
    public InternetGateway withVpc(String attachedVpcId) {
        return new InternetGateway(id, ownerId, attachedVpcId);
    }
}
