package dev.rolehop.engine.vault;

import java.util.List;

/**
 * The vault secrets a run was asked for on the command line, as ansible-playbook takes them.
 *
 * @param ids           {@code --vault-id} values: {@code label@FILE}, {@code label@prompt}, {@code FILE}
 * @param passwordFiles {@code --vault-password-file} values
 * @param ask           {@code --ask-vault-password}
 */
public record VaultRequest(List<String> ids, List<String> passwordFiles, boolean ask) {

    /** No secrets asked for (ansible.cfg and the environment may still name some). */
    public static final VaultRequest NONE = new VaultRequest(List.of(), List.of(), false);

    public VaultRequest {
        ids = List.copyOf(ids);
        passwordFiles = List.copyOf(passwordFiles);
    }
}
