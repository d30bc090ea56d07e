package dev.rolehop.engine.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.yaml.YamlLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decrypts vault texts made by the real ansible-vault 2.14 (test resources {@code vault/}). */
class VaultTest {

    private static final Vault HUNTER2 = new Vault(List.of(new VaultSecret("default", bytes("hunter2"))), false);
    private static final Vault OTHER_AS_DEV = new Vault(List.of(new VaultSecret("dev", bytes("other"))), false);

    @Test
    void aFileOfFormat11Decrypts() {
        assertThat(text(HUNTER2.decrypt(read("vars-1.1.yml"), "vars-1.1.yml"))).isEqualTo("secret_var: topsecret\n");
    }

    @Test
    void aFileOfFormat12WithALabelDecrypts() {
        assertThat(text(OTHER_AS_DEV.decrypt(read("vars-1.2.yml"), null))).isEqualTo("secret_var: topsecret\n");
    }

    @Test
    void everySecretIsTriedWhateverTheLabels() {
        Vault both = new Vault(
                List.of(new VaultSecret("dev", bytes("other")), new VaultSecret("default", bytes("hunter2"))), false);
        assertThat(text(both.decrypt(read("vars-1.1.yml"), null))).startsWith("secret_var");
        assertThat(text(both.decrypt(read("vars-1.2.yml"), null))).startsWith("secret_var");
    }

    @Test
    void vaultIdMatchTriesOnlyTheSecretsOfTheTextsLabel() {
        Vault devOnly = new Vault(List.of(new VaultSecret("prod", bytes("other"))), true);
        assertThatThrownBy(() -> devOnly.decrypt(read("vars-1.2.yml"), "/p/vars.yml"))
                .hasMessage("Decryption failed (no vault secrets were found that could decrypt) on /p/vars.yml");
    }

    @Test
    void aWrongPasswordFailsWithAnsiblesMessage() {
        assertThatThrownBy(() -> OTHER_AS_DEV.decrypt(read("vars-1.1.yml"), "/p/vars-1.1.yml"))
                .isInstanceOf(VaultError.class)
                .hasMessage("Decryption failed (no vault secrets were found that could decrypt) on /p/vars-1.1.yml");
    }

    @Test
    void noSecretsFailWithAnsiblesMessage() {
        assertThatThrownBy(() -> Vault.NONE.decrypt(read("vars-1.1.yml"), "vars-1.1.yml"))
                .hasMessage("Attempting to decrypt but no vault secrets found");
    }

    @Test
    void aTamperedCiphertextFailsTheHmacCheck() {
        String text = read("vars-1.1.yml");
        int last = text.stripTrailing().length() - 1;
        String tampered = text.substring(0, last) + (text.charAt(last) == '0' ? '1' : '0') + text.substring(last + 1);
        assertThatThrownBy(() -> HUNTER2.decrypt(tampered, null))
                .hasMessage("Decryption failed (no vault secrets were found that could decrypt)");
    }

    @Test
    void aWholeVaultFileLoadsAsYaml() {
        assertThat(YamlLoader.load(resource("vars-1.1.yml"), HUNTER2)).isEqualTo(Map.of("secret_var", "topsecret"));
    }

    @Test
    void anInlineVaultValueStaysEncryptedUntilUsed() {
        Object data = YamlLoader.load(resource("inline-1.1.yml"), Vault.NONE);
        EncryptedString value = (EncryptedString) ((Map<?, ?>) data).get("inline_var");
        assertThat(value.toString()).startsWith("$ANSIBLE_VAULT;1.1;AES256").doesNotContain("s3cr3t");
        assertThatThrownBy(value::plaintext).hasMessage("Attempting to decrypt but no vault secrets found");
    }

    @Test
    void inlineVaultValuesOfBothFormatsDecrypt() {
        Object v11 = ((Map<?, ?>) YamlLoader.load(resource("inline-1.1.yml"), HUNTER2)).get("inline_var");
        Object v12 = ((Map<?, ?>) YamlLoader.load(resource("inline-1.2.yml"), OTHER_AS_DEV)).get("labelled_var");
        assertThat(((EncryptedString) v11).plaintext()).isEqualTo("s3cr3t");
        assertThat(((EncryptedString) v12).plaintext()).isEqualTo("labelled");
    }

    @Test
    void plainDataIsNotVaultText() {
        assertThat(Vault.isEncrypted("secret_var: 1\n")).isFalse();
        assertThat(HUNTER2.decryptIfEncrypted(bytes("a: 1\n"), "f")).isEqualTo(bytes("a: 1\n"));
    }

    @Test
    void aSecretNeverShowsItsPassword() {
        assertThat(new VaultSecret("dev", bytes("hunter2")).toString()).isEqualTo("VaultSecret(dev)");
    }

    static String read(String name) {
        try {
            return Files.readString(resource(name), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(VaultTest.class.getResource("/vault/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
