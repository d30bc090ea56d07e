package dev.rolehop.creds.sso;

import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.cache.AssumedRole;
import dev.rolehop.creds.cache.CredentialCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * The IAM Identity Center portal as rolehop uses it: role credentials for a profile, the accounts
 * and roles a sign-in reaches, and sign-out.
 */
public final class SsoPortal {

    /** An account and the roles (permission sets) a sign-in reaches in it. */
    public record AccountRoles(String accountId, String accountName, List<String> roles) {
        public AccountRoles {
            roles = List.copyOf(roles);
        }
    }

    /** What a sign-out removed: cached tokens (each also ended with Logout) and cached role credentials. */
    public record SignOut(int tokens, int roleCredentials) {}

    private final SsoClients clients;

    public SsoPortal(SsoClients clients) {
        this.clients = clients;
    }

    /**
     * GetRoleCredentials for {@code roleName} in {@code accountId}.
     *
     * @param profile the profile asking, for messages
     */
    public AssumedRole roleCredentials(
            SsoConfig config, SsoToken token, String accountId, String roleName, String profile) {
        try (SsoClient portal = clients.portal(config.region())) {
            RoleCredentials credentials = portal.getRoleCredentials(r -> r.accessToken(token.accessToken())
                            .accountId(accountId)
                            .roleName(roleName))
                    .roleCredentials();
            return new AssumedRole(
                    credentials.accessKeyId(),
                    credentials.secretAccessKey(),
                    credentials.sessionToken(),
                    Instant.ofEpochMilli(credentials.expiration()),
                    null,
                    null,
                    null,
                    Map.of());
        } catch (UnauthorizedException e) {
            throw new CredentialException("profile '" + profile + "': IAM Identity Center no longer accepts the"
                    + " sign-in's token (UnauthorizedException: "
                    + e.awsErrorDetails().errorMessage() + "); run "
                    + config.loginCommand());
        } catch (AwsServiceException e) {
            throw new CredentialException("profile '" + profile + "': IAM Identity Center gave no credentials for"
                    + " role " + roleName + " in account " + accountId + " ("
                    + e.awsErrorDetails().errorCode() + ": "
                    + e.awsErrorDetails().errorMessage() + "); check sso_account_id and sso_role_name (rolehop"
                    + " profiles --sso-session or --sso-profile lists what you can reach)");
        } catch (SdkException e) {
            throw new CredentialException("profile '" + profile + "': the IAM Identity Center portal in "
                    + config.region() + " could not be reached: " + e.getMessage());
        }
    }

    /** The accounts and roles the sign-in reaches (ListAccounts, then ListAccountRoles per account). */
    public List<AccountRoles> reachable(SsoConfig config, SsoToken token) {
        List<AccountRoles> out = new ArrayList<>();
        try (SsoClient portal = clients.portal(config.region())) {
            for (AccountInfo account : portal.listAccountsPaginator(r -> r.accessToken(token.accessToken()))
                    .accountList()) {
                List<String> roles = new ArrayList<>();
                portal
                        .listAccountRolesPaginator(
                                r -> r.accessToken(token.accessToken()).accountId(account.accountId()))
                        .roleList()
                        .stream()
                        .map(RoleInfo::roleName)
                        .forEach(roles::add);
                out.add(new AccountRoles(account.accountId(), account.accountName(), roles));
            }
        } catch (UnauthorizedException e) {
            throw new CredentialException(config.describe() + ": IAM Identity Center no longer accepts the sign-in's"
                    + " token; run " + config.loginCommand());
        } catch (SdkException e) {
            throw new CredentialException(config.describe() + ": listing the accounts failed: " + e.getMessage());
        }
        return out;
    }

    /**
     * Signs out everywhere, as {@code aws sso logout} does: every cached token is ended with the
     * portal's Logout (failures ignored: it may have expired already) and removed, and every cached
     * Identity Center role credential is removed.
     */
    public SignOut signOutAll(SsoTokenCache tokens, CredentialCache roleCache) throws IOException {
        int removed = 0;
        for (Map.Entry<Path, SsoToken> entry : tokens.all()) {
            SsoToken token = entry.getValue();
            if (token.region() != null) {
                try (SsoClient portal = clients.portal(token.region())) {
                    portal.logout(r -> r.accessToken(token.accessToken()));
                } catch (SdkException alreadyEnded) {
                    // The AWS CLI ignores these too: the token is removed either way.
                }
            }
            removed += Files.deleteIfExists(entry.getKey()) ? 1 : 0;
        }
        return new SignOut(removed, roleCache.deleteSsoEntries());
    }
}
