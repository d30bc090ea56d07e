package dev.rolehop.cli;

import dev.rolehop.creds.CredentialResolver;
import dev.rolehop.creds.sso.SsoConfig;
import dev.rolehop.creds.sso.SsoPortal;
import dev.rolehop.creds.sso.SsoProfileWriter;
import dev.rolehop.python.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rolehop profiles --sso-session S | --sso-profile P [--write]}: the accounts and roles an IAM
 * Identity Center sign-in reaches (ListAccounts, ListAccountRoles), with the profile name each gets,
 * and on request those profiles written into the config file.
 */
final class SsoReach {

    private SsoReach() {}

    static void print(
            CredentialResolver resolver,
            SsoConfig config,
            String endpointProfile,
            boolean write,
            boolean json,
            PrintWriter out)
            throws IOException {
        List<SsoPortal.AccountRoles> reachable = new SsoPortal(resolver.ssoClients(endpointProfile))
                .reachable(config, resolver.ssoTokens(endpointProfile).valid(config));
        List<SsoProfileWriter.Written> rows = new ArrayList<>();
        if (write) {
            Path file = resolver.configFile();
            rows.addAll(SsoProfileWriter.write(file, resolver.profileNames(), config, reachable, config.region()));
        } else {
            for (SsoPortal.AccountRoles account : reachable) {
                for (String role : account.roles()) {
                    rows.add(new SsoProfileWriter.Written(
                            SsoProfileWriter.profileName(account, role), account.accountId(), role, false));
                }
            }
        }
        if (json) {
            List<Object> listing = new ArrayList<>();
            for (SsoProfileWriter.Written row : rows) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("account_id", row.accountId());
                entry.put("account_name", accountName(reachable, row.accountId()));
                entry.put("role", row.role());
                entry.put("profile", row.profile());
                if (write) {
                    entry.put("written", row.written());
                }
                listing.add(entry);
            }
            out.println(Json.dumps().indent(2).write(listing));
            return;
        }
        for (SsoProfileWriter.Written row : rows) {
            out.println(row.accountId() + "  " + accountName(reachable, row.accountId()) + "  " + row.role()
                    + "  profile " + row.profile()
                    + (write ? (row.written() ? " (written)" : " (exists, kept)") : ""));
        }
        if (write) {
            long written =
                    rows.stream().filter(SsoProfileWriter.Written::written).count();
            out.println(written + " profile" + (written == 1 ? "" : "s") + " written to " + resolver.configFile());
        }
    }

    private static String accountName(List<SsoPortal.AccountRoles> reachable, String accountId) {
        return reachable.stream()
                .filter(a -> a.accountId().equals(accountId))
                .map(SsoPortal.AccountRoles::accountName)
                .findFirst()
                .orElse(accountId);
    }
}
