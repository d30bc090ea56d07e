package dev.rolehop.engine.playbook;

import dev.rolehop.engine.yaml.Position;
import java.util.List;
import java.util.Map;

/**
 * A use of a role in a play ({@code roles:}, a dependency, or {@code import_role}): the role
 * reference's keywords (vars, when, tags) around the role's tasks.
 */
public final class RoleScope extends Scope {

    private final Role role;
    private List<Scope> tasks = List.of();
    private List<Scope> handlers = List.of();

    public RoleScope(Scope parent, Map<String, Object> keywords, Position position, Role role) {
        super(parent, keywords, position);
        this.role = role;
    }

    void contents(List<Scope> taskItems, List<Scope> handlerItems) {
        this.tasks = List.copyOf(taskItems);
        this.handlers = List.copyOf(handlerItems);
    }

    public Role roleDefinition() {
        return role;
    }

    public List<Scope> tasks() {
        return tasks;
    }

    public List<Scope> handlers() {
        return handlers;
    }
}
