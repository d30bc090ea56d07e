package dev.rolehop.creds.sso;

/** What resolving an IAM Identity Center profile needs: the sign-in's token and the portal. */
public record SsoAccess(SsoTokens tokens, SsoPortal portal) {}
