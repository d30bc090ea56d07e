package dev.rolehop.cli;

import dev.rolehop.creds.ChainStep;
import dev.rolehop.creds.CredentialResolver;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The text listing of {@code rolehop profiles}: one line per profile, its chain in words. */
final class ProfilesTable {

    private ProfilesTable() {}

    static void print(PrintWriter out, CredentialResolver resolver) {
        List<String> names = resolver.profileNames();
        int width = Math.max(
                "PROFILE".length(),
                names.stream().mapToInt(String::length).max().orElse(0));
        out.printf("%-" + width + "s  %-14s  %s%n", "PROFILE", "REGION", "RESOLVES TO");
        for (String name : names) {
            List<String> words = new ArrayList<>();
            String sessionSerial = null;
            for (ChainStep step : resolver.explain(name)) {
                if (step instanceof ChainStep.AssumeRole role
                        && words.size() == 2
                        && role.mfaSerial() != null
                        && role.mfaSerial().equals(sessionSerial)) {
                    words.add("role " + role.roleArn() + " (MFA from the session)");
                    continue;
                }
                if (step instanceof ChainStep.GetSessionToken session) {
                    sessionSerial = session.mfaSerial();
                }
                words.add(describe(step));
            }
            out.printf(
                    "%-" + width + "s  %-14s  %s%n",
                    name,
                    resolver.region(name).orElse("-"),
                    String.join(" -> ", words));
        }
    }

    private static String describe(ChainStep step) {
        if (step instanceof ChainStep.AccessKey key) {
            return "access key " + key.accessKeyId()
                    + (key.accountId() == null ? "" : " (account " + key.accountId() + ")");
        }
        if (step instanceof ChainStep.NamedSource source) {
            return source.name().equals("Environment") ? "environment variables" : source.name();
        }
        if (step instanceof ChainStep.CredentialProcess process) {
            return "credential_process";
        }
        if (step instanceof ChainStep.WebIdentityToken identity) {
            return "web identity token " + identity.webIdentityTokenFile() + " -> role " + identity.roleArn();
        }
        if (step instanceof ChainStep.Sso sso) {
            return "IAM Identity Center "
                    + (sso.ssoSession() != null ? "sso-session " + sso.ssoSession() : sso.ssoStartUrl()) + " -> role "
                    + sso.ssoRoleName() + " in " + sso.ssoAccountId();
        }
        if (step instanceof ChainStep.GetSessionToken session) {
            return "MFA session (" + session.mfaSerial() + ")";
        }
        if (step instanceof ChainStep.AssumeRole role) {
            return "role " + role.roleArn() + (role.mfaSerial() == null ? "" : " (MFA)");
        }
        return step instanceof ChainStep.Error error ? "error: " + error.message() : step.toJson();
    }
}
