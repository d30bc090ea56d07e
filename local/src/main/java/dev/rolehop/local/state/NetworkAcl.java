package dev.rolehop.local.state;

import java.util.Objects;

/**
 * A VPC's default network ACL, which AWS creates with the VPC and associates with every subnet
 * not associated with another ACL (its entries are AWS's defaults: allow all, then deny all).
 */
public record NetworkAcl(String id, String vpcId, String ownerId, boolean isDefault) implements Ec2Resource {

    public NetworkAcl {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vpcId, "vpcId");
    }
}
