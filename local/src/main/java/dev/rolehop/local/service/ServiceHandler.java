package dev.rolehop.local.service;

import java.util.Set;

/** Answers the actions of one AWS service (its SigV4 signing name, e.g. {@code sts}). */
public interface ServiceHandler {

    /** The service's signing name, as in the SigV4 credential scope. */
    String service();

    /** The XML namespace of the service's responses. */
    String namespace();

    /** Whether errors use EC2's {@code <Response><Errors>} envelope rather than {@code <ErrorResponse>}. */
    boolean ec2Errors();

    /**
     * Answers a call with the response XML.
     *
     * @throws dev.rolehop.local.wire.AwsException for any AWS error, including an unknown action
     */
    String handle(ServiceCall call);

    /**
     * The actions AWS accepts without a signature (their caller is null), such as STS
     * AssumeRoleWithWebIdentity; none by default.
     */
    default Set<String> unsignedActions() {
        return Set.of();
    }
}
