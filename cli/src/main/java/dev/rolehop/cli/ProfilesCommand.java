package dev.rolehop.cli;

import dev.rolehop.creds.ChainStep;
import dev.rolehop.creds.CredentialResolver;
import dev.rolehop.creds.ResolverOptions;
import dev.rolehop.engine.error.ExitCode;
import dev.rolehop.python.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rolehop profiles}: lists the profiles and how each resolves, or explains one profile's
 * chain as JSON, without calling AWS and without printing a secret.
 */
@Command(
        name = "profiles",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "List the profiles of ~/.aws/config and ~/.aws/credentials and how each resolves.",
            "With --explain, print one profile's chain as JSON. Calls no AWS API; prints no secret.",
            "With --sso-session or --sso-profile, list the accounts and roles an IAM Identity Center sign-in "
                    + "reaches, and with --write add a profile for each to the config file."
        })
final class ProfilesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--explain",
            paramLabel = "PROFILE",
            description = "Print this profile's resolved chain as a JSON array of steps, source first.")
    String explain;

    @Option(
            names = "--sso-session",
            paramLabel = "NAME",
            description = "List the accounts and roles the IAM Identity Center sign-in of [sso-session NAME] reaches"
                    + " (ListAccounts, ListAccountRoles), with the profile name each gets.")
    String ssoSession;

    @Option(
            names = "--sso-profile",
            paramLabel = "PROFILE",
            description = "The same for the sign-in of PROFILE (its sso_session, or legacy sso_start_url).")
    String ssoProfile;

    @Option(
            names = "--write",
            description = "With --sso-session/--sso-profile: add those profiles to the config file (atomically;"
                    + " existing profiles are kept as they are).")
    boolean write;

    @Option(
            names = "--output",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "For the list: text (default) or json. --explain always prints JSON.")
    String output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return CredsFailure.run("profiles", err, () -> {
            if (!output.equals("text") && !output.equals("json")) {
                err.println("rolehop profiles: --output must be text or json, not '" + output + "'");
                err.flush();
                return ExitCode.USAGE;
            }
            CredentialResolver resolver =
                    CredentialResolver.create(CredsOptions.reportingWarnings(ResolverOptions.defaults(), err));
            if (ssoSession != null || ssoProfile != null) {
                if (ssoSession != null && ssoProfile != null) {
                    err.println("rolehop profiles: give --sso-session or --sso-profile, not both");
                    err.flush();
                    return ExitCode.USAGE;
                }
                SsoReach.print(
                        resolver,
                        ssoSession != null
                                ? resolver.ssoConfigOfSession(ssoSession)
                                : resolver.ssoConfigOfProfile(ssoProfile),
                        ssoProfile,
                        write,
                        output.equals("json"),
                        out);
                out.flush();
                return ExitCode.OK;
            }
            if (write) {
                err.println("rolehop profiles: --write goes with --sso-session or --sso-profile");
                err.flush();
                return ExitCode.USAGE;
            }
            if (explain != null) {
                out.println(Json.dumps().indent(2).write(jsonSteps(resolver.explain(explain))));
            } else if (output.equals("json")) {
                out.println(Json.dumps().indent(2).write(listing(resolver)));
            } else {
                ProfilesTable.print(out, resolver);
            }
            out.flush();
            return ExitCode.OK;
        });
    }

    private static List<Object> jsonSteps(List<ChainStep> steps) {
        List<Object> json = new ArrayList<>();
        steps.forEach(step -> json.add(step.toJsonValue()));
        return json;
    }

    private static List<Object> listing(CredentialResolver resolver) {
        List<Object> profiles = new ArrayList<>();
        for (String name : resolver.profileNames()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("profile", name);
            entry.put("region", resolver.region(name).orElse(null));
            entry.put("chain", jsonSteps(resolver.explain(name)));
            profiles.add(entry);
        }
        return profiles;
    }
}
