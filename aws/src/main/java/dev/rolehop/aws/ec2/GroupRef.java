package dev.rolehop.aws.ec2;

/**
 * A security group as the target of a rule: its owner and either its id or (for
 * {@code amazon-*} owners) its name, as amazon.aws's {@code (owner, group_id, group_name)} tuple.
 */
record GroupRef(String userId, String groupId, String groupName) {}
