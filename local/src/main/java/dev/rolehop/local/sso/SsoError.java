package dev.rolehop.local.sso;

/**
 * The errors of the SSO OIDC and SSO portal services: the exception name clients read from the
 * {@code x-amzn-ErrorType} header and the HTTP status, as botocore's models (sso-oidc and sso,
 * 2019-06-10) declare them. OIDC errors carry an OAuth {@code error} code in their body
 * ({@code {"error": "authorization_pending", "error_description": ...}}); portal errors a
 * {@code message}.
 */
enum SsoError {
    // SSO OIDC.
    INVALID_REQUEST("InvalidRequestException", 400, "invalid_request"),
    INVALID_CLIENT("InvalidClientException", 401, "invalid_client"),
    INVALID_CLIENT_METADATA("InvalidClientMetadataException", 400, "invalid_client_metadata"),
    INVALID_GRANT("InvalidGrantException", 400, "invalid_grant"),
    UNSUPPORTED_GRANT_TYPE("UnsupportedGrantTypeException", 400, "unsupported_grant_type"),
    INVALID_SCOPE("InvalidScopeException", 400, "invalid_scope"),
    AUTHORIZATION_PENDING("AuthorizationPendingException", 400, "authorization_pending"),
    SLOW_DOWN("SlowDownException", 400, "slow_down"),
    ACCESS_DENIED("AccessDeniedException", 400, "access_denied"),
    EXPIRED_TOKEN("ExpiredTokenException", 400, "expired_token"),
    // SSO portal.
    PORTAL_INVALID_REQUEST("InvalidRequestException", 400, null),
    UNAUTHORIZED("UnauthorizedException", 401, null),
    /** Not in the portal's model, but what it answers for a role the user is not assigned ("No access"). */
    FORBIDDEN("ForbiddenException", 403, null),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404, null);

    private final String type;
    private final int status;
    private final String oauthCode;

    SsoError(String type, int status, String oauthCode) {
        this.type = type;
        this.status = status;
        this.oauthCode = oauthCode;
    }

    String type() {
        return type;
    }

    int status() {
        return status;
    }

    /** The OAuth error code of an OIDC error, or null for a portal error. */
    String oauthCode() {
        return oauthCode;
    }

    SsoException error(String message) {
        return new SsoException(this, message);
    }
}
