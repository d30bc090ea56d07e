package dev.rolehop.engine.playbook;

import dev.rolehop.engine.error.Position;
import java.util.List;
import java.util.Map;

/**
 * One task: the module it runs ({@link #action()}, as written: short name or FQCN), the
 * arguments as written (templated at run time), and its keywords.
 */
public final class Task extends Scope {

    private final String action;
    private final Map<String, Object> args;
    private final boolean handler;

    public Task(
            Scope parent,
            Map<String, Object> keywords,
            Position position,
            String action,
            Map<String, Object> args,
            boolean handler) {
        super(parent, keywords, position);
        this.action = action;
        this.args = args;
        this.handler = handler;
    }

    public String action() {
        return action;
    }

    public Map<String, Object> args() {
        return args;
    }

    public boolean isHandler() {
        return handler;
    }

    /** The name as written, or {@code null} when the task has none. */
    public String name() {
        Object name = own("name");
        return name == null ? null : String.valueOf(name);
    }

    /** The {@code listen} topics of a handler. */
    public List<String> listen() {
        return tagList(own("listen"));
    }

    /** Ansible's {@code task path}: file:line. */
    public String path() {
        return position().file() + ":" + position().line();
    }
}
