package dev.rolehop.creds;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a {@link CredentialResolver} reads and how it talks to the user.
 *
 * @param environment the environment variables (AWS_PROFILE, AWS_ACCESS_KEY_ID, ...)
 * @param userHome the home directory: {@code ~/.aws/config}, {@code ~/.aws/credentials} and the
 *     cache {@code ~/.aws/cli/cache} are found under it
 * @param mfaToken an explicit MFA code (a {@code --mfa-token} flag or a playbook variable); it
 *     comes first among the MFA code sources
 * @param prompt how to ask a person for an MFA code when no other source has one
 * @param useCache whether assumed-role credentials are read from and written to the AWS CLI's
 *     cache ({@code false} is {@code --no-cache})
 * @param clock the time used for expiry decisions
 * @param warnings receives warnings (a corrupt cache entry, a rejected MFA code); never secrets
 * @param explicitCredentials credentials given directly (an Ansible module's {@code access_key}
 *     and {@code secret_key}); they win over the environment and every profile
 */
public record ResolverOptions(
        Map<String, String> environment,
        Path userHome,
        Optional<String> mfaToken,
        MfaPrompt prompt,
        boolean useCache,
        Clock clock,
        Consumer<String> warnings,
        Optional<AwsCredentials> explicitCredentials) {

    /** Validates and copies the options. */
    public ResolverOptions {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(mfaToken, "mfaToken");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(explicitCredentials, "explicitCredentials");
    }

    /** Options as in the contract, without explicit credentials. */
    public ResolverOptions(
            Map<String, String> environment,
            Path userHome,
            Optional<String> mfaToken,
            MfaPrompt prompt,
            boolean useCache,
            Clock clock,
            Consumer<String> warnings) {
        this(environment, userHome, mfaToken, prompt, useCache, clock, warnings, Optional.empty());
    }

    /**
     * The options of a command-line run: the process environment, the home directory ({@code $HOME}
     * when set, as the AWS CLI expands {@code ~}, else the {@code user.home} property), a prompt on
     * the terminal, the cache on, the system clock, warnings to standard error.
     */
    public static ResolverOptions defaults() {
        Map<String, String> env = System.getenv();
        String home = env.get("HOME");
        Path userHome = Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home);
        return new ResolverOptions(
                env,
                userHome,
                Optional.empty(),
                MfaPrompt.terminal(),
                true,
                Clock.systemUTC(),
                message -> System.err.println("rolehop: warning: " + message));
    }

    /** Returns a copy with another environment. */
    public ResolverOptions withEnvironment(Map<String, String> value) {
        return new ResolverOptions(value, userHome, mfaToken, prompt, useCache, clock, warnings, explicitCredentials);
    }

    /** Returns a copy with another home directory. */
    public ResolverOptions withUserHome(Path value) {
        return new ResolverOptions(
                environment, value, mfaToken, prompt, useCache, clock, warnings, explicitCredentials);
    }

    /** Returns a copy with an explicit MFA code (empty or {@code null}: none). */
    public ResolverOptions withMfaToken(String value) {
        return new ResolverOptions(
                environment,
                userHome,
                Optional.ofNullable(value).filter(v -> !v.isBlank()),
                prompt,
                useCache,
                clock,
                warnings,
                explicitCredentials);
    }

    /** Returns a copy with another MFA prompt. */
    public ResolverOptions withPrompt(MfaPrompt value) {
        return new ResolverOptions(
                environment, userHome, mfaToken, value, useCache, clock, warnings, explicitCredentials);
    }

    /** Returns a copy with the cache on or off. */
    public ResolverOptions withUseCache(boolean value) {
        return new ResolverOptions(
                environment, userHome, mfaToken, prompt, value, clock, warnings, explicitCredentials);
    }

    /** Returns a copy with another clock. */
    public ResolverOptions withClock(Clock value) {
        return new ResolverOptions(
                environment, userHome, mfaToken, prompt, useCache, value, warnings, explicitCredentials);
    }

    /** Returns a copy with another warnings sink. */
    public ResolverOptions withWarnings(Consumer<String> value) {
        return new ResolverOptions(
                environment, userHome, mfaToken, prompt, useCache, clock, value, explicitCredentials);
    }

    /** Returns a copy with explicit credentials (or {@code null}: none). */
    public ResolverOptions withExplicitCredentials(AwsCredentials value) {
        return new ResolverOptions(
                environment, userHome, mfaToken, prompt, useCache, clock, warnings, Optional.ofNullable(value));
    }
}
