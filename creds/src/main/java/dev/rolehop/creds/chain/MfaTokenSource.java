package dev.rolehop.creds.chain;

import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.MfaPrompt;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds MFA codes, from the first source that has a code not sent before: the explicit token
 * ({@code --mfa-token}, a playbook variable), the {@code ROLEHOP_MFA_TOKEN} environment variable,
 * the profile's {@code mfa_process} command, a prompt on the terminal ({@code Enter MFA code for
 * SERIAL: }). A code is never handed out twice: STS would reject a reused code anyway, and a
 * second call would burn the next one.
 *
 * <p>Only codes of exactly six digits are handed out, so that no call reaches AWS with something
 * that cannot be a code (STS answers it with a ValidationError that ends the run): a code from
 * {@code --mfa-token} or {@code ROLEHOP_MFA_TOKEN} that is not one is an error naming its source
 * ({@link #checkSupplied}, before any call), an answer at the prompt that is not one is refused and
 * asked for again.
 */
public final class MfaTokenSource {

    /** The environment variable holding an MFA code. */
    public static final String ENVIRONMENT_VARIABLE = "ROLEHOP_MFA_TOKEN";
    /** What an MFA code looks like: STS's TOKEN_CODE, exactly six digits. */
    public static final Pattern CODE = Pattern.compile("[0-9]{6}");
    /** How many answers the prompt takes for one code before giving up. */
    public static final int PROMPT_ATTEMPTS = 3;

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
        this.explicitToken = explicitToken.map(String::strip).filter(code -> !code.isEmpty());
        this.environment = environment;
        this.prompt = prompt;
    }

    /**
     * Checks the codes supplied ahead of time ({@code --mfa-token}, {@value #ENVIRONMENT_VARIABLE}):
     * each must be six digits.
     *
     * @throws CredentialException naming the source and the device when one is not a code
     */
    public void checkSupplied(MfaNeed need) {
        if (explicitToken.isPresent() && !isCode(explicitToken.get())) {
            throw new CredentialException("profile '" + need.profile() + "': the MFA code given with --mfa-token is not"
                    + " 6 digits; pass the 6-digit code that " + need.serial() + " shows now");
        }
        Optional<String> variable = environmentToken();
        if (variable.isPresent() && !isCode(variable.get())) {
            throw new CredentialException(
                    "profile '" + need.profile() + "': the MFA code in the " + ENVIRONMENT_VARIABLE
                            + " environment variable is not 6 digits; set it to the 6-digit code that " + need.serial()
                            + " shows now, or unset it to be asked for one");
        }
    }

    /** Whether {@code text} has the form of an MFA code (six digits). */
    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    /** The next unsent code for {@code hop}'s {@code mfa_serial}. */
    public String next(RoleHop hop) {
        return next(hop.mfaNeed());
    }

    /**
     * The next unsent code for {@code need}.
     *
     * @throws CredentialException when a supplied code is not six digits (naming its source), or when
     *     no source has a new code, naming the profile, the device and the three ways to supply one
     */
    public synchronized String next(MfaNeed need) {
        checkSupplied(need);
        Optional<String> code = fresh(explicitToken)
                .or(() -> fresh(environmentToken()))
                .or(() -> fresh(fromProcess(need)))
                .or(() -> fromPrompt(need));
        String found = code.orElseThrow(() -> new CredentialException("profile '" + need.profile() + "': "
                + need.purpose() + " requires an MFA code from " + need.serial() + " and there is "
                + (sent.isEmpty() ? "no terminal to ask for one" : "no new code to try")
                + "; supply a code with --mfa-token CODE, the " + ENVIRONMENT_VARIABLE
                + " environment variable, or an mfa_process command in the profile"));
        sent.add(found);
        return found;
    }

    private Optional<String> environmentToken() {
        return Optional.ofNullable(environment.get(ENVIRONMENT_VARIABLE))
                .map(String::strip)
                .filter(code -> !code.isEmpty());
    }

    private Optional<String> fresh(Optional<String> code) {
        return code.map(String::strip).filter(c -> !c.isEmpty() && !sent.contains(c));
    }

    /**
     * Asks until a new six-digit code is typed, at most {@link #PROMPT_ATTEMPTS} times; empty when
     * there is no terminal.
     *
     * @throws CredentialException when every answer was refused
     */
    private Optional<String> fromPrompt(MfaNeed need) {
        String ask = "Enter MFA code for " + need.serial() + ": ";
        String text = ask;
        for (int attempt = 0; attempt < PROMPT_ATTEMPTS; attempt++) {
            Optional<String> answer = prompt.ask(text);
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            String typed = answer.get().strip();
            if (typed.isEmpty()) {
                text = "No code entered. " + ask;
            } else if (!isCode(typed)) {
                text = "That is not an MFA code: it must be 6 digits. " + ask;
            } else if (sent.contains(typed)) {
                text = "That code was already used; wait for the next one. " + ask;
            } else {
                return Optional.of(typed);
            }
        }
        throw new CredentialException("profile '" + need.profile() + "': no usable MFA code for " + need.serial()
                + " was entered in " + PROMPT_ATTEMPTS + " tries (a code is 6 digits, each used once);"
                + " run the command again");
    }

    private Optional<String> fromProcess(MfaNeed need) {
        if (need.mfaProcess() == null) {
            return Optional.empty();
        }
        String what = "profile '" + need.profile() + "': mfa_process";
        ExternalCommand.Result result = new ExternalCommand(what, need.mfaProcess(), environment).run();
        if (result.exitCode() != 0) {
            throw new CredentialException(what + " exited with status " + result.exitCode()
                    + (result.stderr().isBlank() ? "" : ": " + result.stderr().strip()));
        }
        String output = result.stdout().strip();
        if (!isCode(output)) {
            throw new CredentialException(what + " did not print a 6-digit code; it must print only the code");
        }
        return Optional.of(output);
    }
}
