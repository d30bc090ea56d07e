package dev.rolehop.creds.chain;

import dev.rolehop.creds.CredentialException;

/** STS refused an MFA code (AccessDenied "MultiFactorAuthentication failed ..."); the message is AWS's. */
public final class MfaRejectedException extends CredentialException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with AWS's message. */
    public MfaRejectedException(String awsMessage) {
        super(awsMessage);
    }
}
