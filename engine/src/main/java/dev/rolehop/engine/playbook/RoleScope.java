package dev.rolehop.engine.playbook;

import dev.rolehop.engine.error.Position;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A use of a role in a play ({@code roles:}, a dependency, {@code import_role} or
 * {@code include_role}): the role reference's keywords (vars, when, tags) around the role's tasks.
 */
public final class RoleScope extends Scope {

    private final Role role;
    private final Identity identity;
    private final boolean allowDuplicates;
    private List<Scope> tasks = List.of();
    private List<Scope> handlers = List.of();

    /**
     * What makes uses of a role one role of the play, as Ansible's role cache keys them: the role,
     * the keywords and the parameters it was given (a role reference's own keys, or the vars of an
     * {@code include_role}), the files chosen ({@code tasks_from}...) and whether a task named it.
     * Uses with the same identity share whether the role has run on a host.
     */
    public record Identity(
            Path role,
            Map<String, Object> keywords,
            Map<String, Object> params,
            Map<String, String> from,
            boolean byTask) {

        public Identity {
            // Copied by hand: values may be null, which Map.copyOf rejects.
            keywords = Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
            from = Map.copyOf(from);
        }
    }

    RoleScope(Scope parent, Identity identity, Position position, Role role, boolean allowDuplicates) {
        super(parent, identity.keywords(), identity.params(), position);
        this.role = role;
        this.identity = identity;
        this.allowDuplicates = allowDuplicates;
    }

    void contents(List<Scope> taskItems, List<Scope> handlerItems) {
        this.tasks = List.copyOf(taskItems);
        this.handlers = List.copyOf(handlerItems);
    }

    public Role roleDefinition() {
        return role;
    }

    public Identity identity() {
        return identity;
    }

    /** Whether the role runs again on a host it already ran on in this play. */
    public boolean allowDuplicates() {
        return allowDuplicates;
    }

    public List<Scope> tasks() {
        return tasks;
    }

    public List<Scope> handlers() {
        return handlers;
    }
}
