package dev.rolehop.local.wire;

/**
 * The catalogue of errors the endpoint returns: AWS's error code and HTTP status for each.
 *
 * <p>Messages are AWS's texts and are built where the error is raised, because most of them
 * name the resource; the {@link #fixedMessage()} is used where AWS's text is constant.
 */
public enum AwsErrorCode {
    // Signature and credentials (all services).
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403, "The security token included in the request is invalid."),
    SIGNATURE_DOES_NOT_MATCH(
            "SignatureDoesNotMatch",
            403,
            "The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method. "
                    + "Consult the service documentation for details."),
    EXPIRED_TOKEN("ExpiredToken", 403, "The security token included in the request is expired"),
    AUTH_FAILURE("AuthFailure", 401, "AWS was not able to validate the provided access credentials"),
    /** EC2's answer, as a client error, when a caller asks about a resource it may not see (another's AMI's attributes). */
    NOT_AUTHORIZED_FOR_RESOURCE("AuthFailure", 400, null),
    REQUEST_EXPIRED("RequestExpired", 400, "Request has expired."),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403, "Request is missing Authentication Token"),
    INCOMPLETE_SIGNATURE("IncompleteSignature", 400, null),
    // Generic request errors.
    INVALID_ACTION("InvalidAction", 400, null),
    /** A query string or form body that cannot be decoded (e.g. a malformed %-escape). */
    INVALID_QUERY_PARAMETER(
            "InvalidQueryParameter", 400, "The AWS query string is malformed or does not adhere to AWS standards."),
    MISSING_ACTION("MissingAction", 400, "Missing Action"),
    PAYLOAD_TOO_LARGE("RequestEntityTooLarge", 413, "Request body exceeds 1 MiB."),
    MISSING_PARAMETER("MissingParameter", 400, null),
    VALIDATION_ERROR("ValidationError", 400, null),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400, null),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", 400, null),
    /** EC2's answer for a feature an account or region does not have, e.g. the retired ClassicLink. */
    UNSUPPORTED_OPERATION(
            "UnsupportedOperation", 400, "The functionality you requested is not available in this region."),
    ACCESS_DENIED("AccessDenied", 403, null),
    // Throttling, as STS/IAM and EC2 answer it.
    THROTTLING("Throttling", 400, "Rate exceeded"),
    REQUEST_LIMIT_EXCEEDED("RequestLimitExceeded", 503, "Request limit exceeded."),
    UNAUTHORIZED_OPERATION("UnauthorizedOperation", 403, null),
    // STS AssumeRoleWithWebIdentity.
    INVALID_IDENTITY_TOKEN("InvalidIdentityToken", 400, null),
    EXPIRED_TOKEN_EXCEPTION("ExpiredTokenException", 400, null),
    IDP_REJECTED_CLAIM("IDPRejectedClaim", 403, null),
    // IAM.
    NO_SUCH_ENTITY("NoSuchEntity", 404, null),
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409, null),
    DELETE_CONFLICT("DeleteConflict", 409, null),
    LIMIT_EXCEEDED("LimitExceeded", 409, null),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400, null),
    UNMODIFIABLE_ENTITY("UnmodifiableEntity", 400, null),
    INVALID_INPUT("InvalidInput", 400, null),
    INVALID_AUTHENTICATION_CODE("InvalidAuthenticationCode", 403, "Authentication code for device is not valid."),
    // EC2.
    INVALID_GROUP_DUPLICATE("InvalidGroup.Duplicate", 400, null),
    TAG_LIMIT_EXCEEDED("TagLimitExceeded", 400, "The maximum number of Tags for a resource has been reached."),
    INVALID_GROUP_NOT_FOUND("InvalidGroup.NotFound", 400, null),
    INVALID_GROUP_ID_MALFORMED("InvalidGroupId.Malformed", 400, null),
    INVALID_GROUP_RESERVED("InvalidGroup.Reserved", 400, null),
    CANNOT_DELETE("CannotDelete", 400, null),
    INVALID_PERMISSION_DUPLICATE("InvalidPermission.Duplicate", 400, null),
    INVALID_PERMISSION_NOT_FOUND("InvalidPermission.NotFound", 400, null),
    INVALID_PERMISSION_MALFORMED("InvalidPermission.Malformed", 400, null),
    INVALID_VPC_ID_NOT_FOUND("InvalidVpcID.NotFound", 400, null),
    INVALID_SUBNET_ID_NOT_FOUND("InvalidSubnetID.NotFound", 400, null),
    INVALID_INSTANCE_ID_NOT_FOUND("InvalidInstanceID.NotFound", 400, null),
    INVALID_ID("InvalidID", 400, null),
    DEPENDENCY_VIOLATION("DependencyViolation", 400, null),
    // EC2 key pairs, images and instances.
    /** EC2's answer to a DryRun request that would have succeeded. */
    DRY_RUN_OPERATION("DryRunOperation", 412, "Request would have succeeded, but DryRun flag is set."),
    INVALID_KEY_PAIR_DUPLICATE("InvalidKeyPair.Duplicate", 400, null),
    INVALID_KEY_PAIR_NOT_FOUND("InvalidKeyPair.NotFound", 400, null),
    INVALID_KEY_FORMAT("InvalidKey.Format", 400, null),
    INVALID_KEY_PAIR_ID_NOT_FOUND("InvalidKeyPairId.NotFound", 400, null),
    INVALID_VOLUME_NOT_FOUND("InvalidVolume.NotFound", 400, null),
    INVALID_NETWORK_INTERFACE_ID_NOT_FOUND("InvalidNetworkInterfaceID.NotFound", 400, null),
    INVALID_AMI_ID_NOT_FOUND("InvalidAMIID.NotFound", 400, null),
    INVALID_AMI_ID_MALFORMED("InvalidAMIID.Malformed", 400, null),
    INVALID_INSTANCE_ID_MALFORMED("InvalidInstanceID.Malformed", 400, null),
    INCORRECT_INSTANCE_STATE("IncorrectInstanceState", 400, null),
    IDEMPOTENT_PARAMETER_MISMATCH("IdempotentParameterMismatch", 400, null),
    INVALID_PARAMETER("InvalidParameter", 400, null),
    INSUFFICIENT_FREE_ADDRESSES("InsufficientFreeAddressesInSubnet", 400, null),
    INVALID_IP_ADDRESS_IN_USE("InvalidIPAddress.InUse", 400, null),
    /** RunInstances without a subnet in a region whose default VPC is gone. */
    VPC_ID_NOT_SPECIFIED("VPCIdNotSpecified", 400, null),
    // EC2 networking.
    INVALID_VPC_RANGE("InvalidVpc.Range", 400, null),
    INVALID_SUBNET_RANGE("InvalidSubnet.Range", 400, null),
    INVALID_SUBNET_CONFLICT("InvalidSubnet.Conflict", 400, null),
    INVALID_INTERNET_GATEWAY_ID_NOT_FOUND("InvalidInternetGatewayID.NotFound", 400, null),
    INVALID_GATEWAY_ID_NOT_FOUND("InvalidGatewayID.NotFound", 400, null),
    GATEWAY_NOT_ATTACHED("Gateway.NotAttached", 400, null),
    RESOURCE_ALREADY_ASSOCIATED("Resource.AlreadyAssociated", 400, null),
    INVALID_ROUTE_TABLE_ID_NOT_FOUND("InvalidRouteTableID.NotFound", 400, null),
    INVALID_ROUTE_NOT_FOUND("InvalidRoute.NotFound", 400, null),
    ROUTE_ALREADY_EXISTS("RouteAlreadyExists", 400, null),
    INVALID_ASSOCIATION_ID_NOT_FOUND("InvalidAssociationID.NotFound", 400, null),
    INVALID_DHCP_OPTION_ID_NOT_FOUND("InvalidDhcpOptionID.NotFound", 400, null),
    INVALID_VPC_CIDR_ASSOCIATION_NOT_FOUND("InvalidVpcCidrBlockAssociationID.NotFound", 400, null),
    INVALID_SUBNET_CIDR_ASSOCIATION_NOT_FOUND("InvalidSubnetCidrBlockAssociationID.NotFound", 400, null),
    INVALID_NETWORK_ACL_ID_NOT_FOUND("InvalidNetworkAclID.NotFound", 400, null),
    INVALID_NAT_GATEWAY_ID_NOT_FOUND("InvalidNatGatewayID.NotFound", 400, null),
    NAT_GATEWAY_NOT_FOUND("NatGatewayNotFound", 400, null),
    INVALID_ALLOCATION_ID_NOT_FOUND("InvalidAllocationID.NotFound", 400, null),
    INVALID_ADDRESS_NOT_FOUND("InvalidAddress.NotFound", 400, null),
    ADDRESS_LIMIT_EXCEEDED("AddressLimitExceeded", 400, "The maximum number of addresses has been reached."),
    INVALID_INSTANCE_ID("InvalidInstanceID", 400, null),
    INVALID_NETWORK_INTERFACE_IN_USE("InvalidNetworkInterface.InUse", 400, null),
    INVALID_ATTACHMENT_ID_NOT_FOUND("InvalidAttachmentID.NotFound", 400, null),
    CIDR_LIMIT_EXCEEDED("CidrLimitExceeded", 400, null),
    OPERATION_NOT_PERMITTED("OperationNotPermitted", 400, null),
    INVALID_PAGINATION_TOKEN("InvalidPaginationToken", 400, null),
    INTERNAL_FAILURE("InternalFailure", 500, "An internal error occurred in rolehop local."),
    /** EC2's code for a failure on its side (a state write that failed, here). */
    INTERNAL_ERROR("InternalError", 500, "An internal error has occurred");

    private final String code;
    private final int status;
    private final String fixedMessage;

    AwsErrorCode(String code, int status, String fixedMessage) {
        this.code = code;
        this.status = status;
        this.fixedMessage = fixedMessage;
    }

    /** AWS's error code, e.g. {@code InvalidGroup.NotFound}. */
    public String code() {
        return code;
    }

    /** The HTTP status AWS answers with. */
    public int status() {
        return status;
    }

    /** AWS's constant message for this error, or null where the message names a resource. */
    public String fixedMessage() {
        return fixedMessage;
    }

    /** Whether the error is the caller's fault ({@code Sender}) rather than the service's. */
    public boolean isSender() {
        return status < 500;
    }

    /** Raises this error with its constant message. */
    public AwsException error() {
        return new AwsException(this, fixedMessage);
    }

    /** Raises this error with a message naming the resource. */
    public AwsException error(String message) {
        return new AwsException(this, message);
    }
}
