package dev.rolehop.engine.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gathers secrets as ansible-playbook 2.14's {@code setup_vault_secrets}; messages recorded from it. */
class VaultSecretsTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> settings = new HashMap<>(Map.of("HOME", "/nonexistent"));

    @Test
    void aPasswordFileDecryptsWithItsStrippedContent() throws IOException {
        Files.writeString(dir.resolve("pw"), "  hunter2\n\n");
        Vault vault = secrets(Optional.empty()).load(new VaultRequest(List.of(), List.of("pw"), false));
        assertThat(vault.decrypt(VaultTest.read("vars-1.1.yml"), null)).isNotEmpty();
    }

    @Test
    void aLabelledScriptGivesThePasswordItPrints() throws IOException {
        script("pw.sh", "#!/bin/sh\necho other\n");
        Vault vault = secrets(Optional.empty()).load(new VaultRequest(List.of("dev@pw.sh"), List.of(), false));
        assertThat(vault.decrypt(VaultTest.read("vars-1.2.yml"), null)).isNotEmpty();
    }

    @Test
    void aMissingPasswordFileIsTheErrorWhenNoOtherSecretIsFound() {
        assertThatThrownBy(() -> secrets(Optional.empty()).load(new VaultRequest(List.of(), List.of("nope"), false)))
                .hasMessage("The vault password file " + dir.resolve("nope") + " was not found");
        assertThat(warnings)
                .containsExactly("Error getting vault password file (default): The vault password file "
                        + dir.resolve("nope") + " was not found");
    }

    @Test
    void aMissingPasswordFileIsOnlyAWarningBesideAnotherSecret() throws IOException {
        Files.writeString(dir.resolve("pw"), "hunter2");
        secrets(Optional.empty()).load(new VaultRequest(List.of("nope"), List.of("pw"), false));
        assertThat(warnings)
                .containsExactly("Error getting vault password file (None): The vault password file "
                        + dir.resolve("nope") + " was not found");
    }

    @Test
    void aFailingScriptIsReportedWithItsStatus() throws IOException {
        script("bad.sh", "#!/bin/sh\nexit 3\n");
        assertThatThrownBy(() -> secrets(Optional.empty()).load(new VaultRequest(List.of(), List.of("bad.sh"), false)))
                .hasMessage("Vault password script " + dir.resolve("bad.sh") + " returned non-zero (3): None");
        assertThat(warnings).singleElement().asString().startsWith("Error in vault password file loading (default): ");
    }

    @Test
    void anEmptyPasswordFileIsRefused() throws IOException {
        Files.writeString(dir.resolve("pw"), "\n");
        assertThatThrownBy(() -> secrets(Optional.empty()).load(new VaultRequest(List.of(), List.of("pw"), false)))
                .hasMessage("Invalid vault password was provided from file (" + dir.resolve("pw") + ")");
    }

    @Test
    void askVaultPasswordPromptsAsAnsibleDoes() {
        List<String> prompts = new ArrayList<>();
        VaultSecrets secrets = new VaultSecrets(
                settings,
                dir,
                prompt -> {
                    prompts.add(prompt);
                    return Optional.of("hunter2");
                },
                warnings::add);
        Vault vault = secrets.load(new VaultRequest(List.of("dev@prompt"), List.of(), true));
        assertThat(prompts).containsExactly("Vault password (dev): ", "Vault password: ");
        assertThat(vault.decrypt(VaultTest.read("vars-1.1.yml"), null)).isNotEmpty();
    }

    @Test
    void aPromptWithoutATerminalFailsAsCtrlD() {
        assertThatThrownBy(() -> secrets(Optional.empty()).load(new VaultRequest(List.of(), List.of(), true)))
                .hasMessage("EOFError (ctrl-d) on prompt for (default)");
        assertThat(warnings)
                .containsExactly("Error in vault password prompt (default): EOFError (ctrl-d) on prompt for (default)");
    }

    @Test
    void theConfiguredIdentityListComesFirstAndThePasswordFileLast() throws IOException {
        Files.writeString(dir.resolve("pw"), "hunter2");
        settings.put("ANSIBLE_VAULT_IDENTITY_LIST", "dev@missing-a, prod@missing-b");
        settings.put("ANSIBLE_VAULT_PASSWORD_FILE", dir.resolve("pw").toString());
        secrets(Optional.empty()).load(new VaultRequest(List.of("missing-c"), List.of(), false));
        assertThat(warnings)
                .extracting(w -> w.substring(0, w.indexOf(':')))
                .containsExactly(
                        "Error getting vault password file (dev)",
                        "Error getting vault password file (prod)",
                        "Error getting vault password file (None)");
    }

    private VaultSecrets secrets(Optional<String> answer) {
        return new VaultSecrets(settings, dir, prompt -> answer, warnings::add);
    }

    private void script(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }
}
