package dev.rolehop.local.sso;

/** An SSO OIDC or portal error answered to the client; the message never holds a token or secret. */
final class SsoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SsoError error;

    SsoException(SsoError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    SsoError error() {
        return error;
    }
}
