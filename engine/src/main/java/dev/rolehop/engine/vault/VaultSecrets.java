package dev.rolehop.engine.vault;

import dev.rolehop.engine.config.AnsibleConfig;
import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.python.Booleans;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Gathers a run's vault secrets as ansible-playbook 2.14's {@code setup_vault_secrets} does. The
 * vault ids are, in order: ansible.cfg's {@code vault_identity_list}
 * ({@code ANSIBLE_VAULT_IDENTITY_LIST}), the {@code --vault-id}s, each {@code --vault-password-file}
 * and then ansible.cfg's {@code vault_password_file} ({@code ANSIBLE_VAULT_PASSWORD_FILE}) under the
 * default label ({@code vault_identity}, {@code default}), and a prompt for
 * {@code --ask-vault-password}. A password file that cannot be read is a warning while another
 * secret is found, else the run's error; a prompt that gets no answer is an error.
 */
public final class VaultSecrets {

    private static final String PROMPT = "prompt";
    private static final String ASK_VAULT_PASS = "prompt_ask_vault_pass";

    private final Map<String, String> settings;
    private final Path cwd;
    private final Function<String, Optional<String>> askHidden;
    private final Consumer<String> warnings;

    /**
     * @param settings  the run's settings (environment and ansible.cfg) by variable name
     * @param cwd       the folder relative password files are found from
     * @param askHidden asks for a password without echo; empty when there is no terminal
     * @param warnings  where Ansible's warnings go
     */
    public VaultSecrets(
            Map<String, String> settings,
            Path cwd,
            Function<String, Optional<String>> askHidden,
            Consumer<String> warnings) {
        this.settings = settings;
        this.cwd = cwd;
        this.askHidden = askHidden;
        this.warnings = warnings;
    }

    /**
     * The vault of a run asked for {@code request}.
     *
     * @throws AnsibleError worded as Ansible's when no secret could be read and one failed, or a prompt failed
     */
    public Vault load(VaultRequest request) {
        String defaultLabel = settings.getOrDefault("ANSIBLE_VAULT_IDENTITY", "default");
        List<String> ids = new ArrayList<>(list(settings.get("ANSIBLE_VAULT_IDENTITY_LIST")));
        ids.addAll(request.ids());
        List<String> files = new ArrayList<>(request.passwordFiles());
        Optional.ofNullable(settings.get("ANSIBLE_VAULT_PASSWORD_FILE")).ifPresent(files::add);
        files.forEach(file -> ids.add(defaultLabel + "@" + file));
        if (request.ask() || Booleans.lenient(settings.getOrDefault("ANSIBLE_ASK_VAULT_PASS", "false"))) {
            ids.add(defaultLabel + "@" + ASK_VAULT_PASS);
        }
        List<VaultSecret> secrets = new ArrayList<>();
        AnsibleError last = null;
        for (String id : ids) {
            int at = id.indexOf('@');
            String name = at < 0 ? null : id.substring(0, at);
            String value = at < 0 ? id : id.substring(at + 1);
            String label = name == null ? defaultLabel : name;
            if (value.equals(PROMPT) || value.equals(ASK_VAULT_PASS)) {
                secrets.add(prompted(name, label, value.equals(PROMPT)));
                continue;
            }
            try {
                secrets.add(new VaultSecret(
                        label, PasswordFile.of(value, name, cwd, settings).read()));
            } catch (PasswordFile.Unavailable e) {
                warnings.accept(e.stage() + " (" + shown(name) + "): " + e.getMessage());
                last = e.error();
            }
        }
        if (secrets.isEmpty() && last != null) {
            throw last;
        }
        return new Vault(secrets, Booleans.lenient(settings.getOrDefault("ANSIBLE_VAULT_ID_MATCH", "false")));
    }

    private VaultSecret prompted(String name, String label, boolean labelled) {
        String prompt = labelled ? "Vault password (" + label + "): " : "Vault password: ";
        Optional<String> answer = askHidden.apply(prompt);
        String failure = answer.isEmpty()
                ? "EOFError (ctrl-d) on prompt for (" + label + ")"
                : answer.get().isEmpty() ? "Invalid vault password was provided" : null;
        if (failure != null) {
            warnings.accept("Error in vault password prompt (" + shown(name) + "): " + failure);
            throw new VaultError(failure);
        }
        return new VaultSecret(label, answer.get().strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A vault id's label as Ansible's warnings show it: Python's {@code None} when none was given. */
    private static String shown(String name) {
        return name == null ? "None" : name;
    }

    /** An Ansible list setting: comma-separated, blanks dropped. */
    private static List<String> list(String value) {
        return value == null
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /** Resolves a password file name as Ansible's {@code unfrackpath} (no symlinks followed). */
    static Path unfrack(String file, Path cwd, Map<String, String> settings) {
        return AnsibleConfig.unfrack(
                file, settings.getOrDefault("HOME", System.getProperty("user.home")), settings, cwd);
    }
}
