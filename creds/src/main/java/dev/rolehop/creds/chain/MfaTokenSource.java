package dev.rolehop.creds.chain;

import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.MfaPrompt;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds MFA codes, from the first source that has a code not sent before: the explicit token
 * ({@code --mfa-token}, a playbook variable), the {@code ROLEHOP_MFA_TOKEN} environment variable,
 * the profile's {@code mfa_process} command, a prompt on the terminal ({@code Enter MFA code for
 * SERIAL: }). A code is never handed out twice: STS would reject a reused code anyway, and a
 * second call would burn the next one.
 */
public final class MfaTokenSource {

    /** The environment variable holding an MFA code. */
    public static final String ENVIRONMENT_VARIABLE = "ROLEHOP_MFA_TOKEN";

    private final Optional<String> explicitToken;
    private final Map<String, String> environment;
    private final MfaPrompt prompt;
    private final Set<String> sent = new HashSet<>();

    /**
     * @param explicitToken the code given by the caller, if any
     * @param environment the environment ({@value #ENVIRONMENT_VARIABLE}, and what mfa_process sees)
     * @param prompt how to ask a person
     */
    public MfaTokenSource(Optional<String> explicitToken, Map<String, String> environment, MfaPrompt prompt) {
        this.explicitToken = explicitToken;
        this.environment = environment;
        this.prompt = prompt;
    }

    /**
     * The next unsent code for {@code hop}'s {@code mfa_serial}.
     *
     * @throws CredentialException when no source has a new code, naming the profile, the device
     *     and the three ways to supply one
     */
    public synchronized String next(RoleHop hop) {
        Optional<String> code = fresh(explicitToken)
                .or(() -> fresh(Optional.ofNullable(environment.get(ENVIRONMENT_VARIABLE))))
                .or(() -> fresh(fromProcess(hop)))
                .or(() -> fromPrompt(hop));
        String found = code.orElseThrow(() -> new CredentialException("profile '" + hop.profile() + "': role "
                + hop.roleArn() + " requires an MFA code from " + hop.mfaSerial() + " and there is "
                + (sent.isEmpty() ? "no terminal to ask for one" : "no new code to try")
                + "; supply a code with --mfa-token CODE, the " + ENVIRONMENT_VARIABLE
                + " environment variable, or an mfa_process command in the profile"));
        sent.add(found);
        return found;
    }

    private Optional<String> fresh(Optional<String> code) {
        return code.map(String::strip).filter(c -> !c.isEmpty() && !sent.contains(c));
    }

    /** Asks until a new code is typed (at most three times); empty when there is no terminal. */
    private Optional<String> fromPrompt(RoleHop hop) {
        String text = "Enter MFA code for " + hop.mfaSerial() + ": ";
        for (int ask = 0; ask < 3; ask++) {
            Optional<String> answer = prompt.ask(text);
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> code = fresh(answer);
            if (code.isPresent()) {
                return code;
            }
            text = (answer.get().isBlank()
                            ? "No code entered. "
                            : "That code was already used; wait for the next one. ")
                    + "Enter MFA code for " + hop.mfaSerial() + ": ";
        }
        return Optional.empty();
    }

    private Optional<String> fromProcess(RoleHop hop) {
        if (hop.mfaProcess() == null) {
            return Optional.empty();
        }
        String what = "profile '" + hop.profile() + "': mfa_process";
        ExternalCommand.Result result = new ExternalCommand(what, hop.mfaProcess(), environment).run();
        if (result.exitCode() != 0) {
            throw new CredentialException(what + " exited with status " + result.exitCode()
                    + (result.stderr().isBlank() ? "" : ": " + result.stderr().strip()));
        }
        String output = result.stdout().strip();
        if (!output.matches("[0-9]{6}")) {
            throw new CredentialException(what + " did not print a 6-digit code; it must print only the code");
        }
        return Optional.of(output);
    }
}
