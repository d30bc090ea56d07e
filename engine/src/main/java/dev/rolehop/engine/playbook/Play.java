package dev.rolehop.engine.playbook;

import dev.rolehop.engine.error.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One play: which hosts, its variables, and its task sections in the order Ansible runs them. */
public final class Play extends Scope {

    private final Path playbookDir;
    private List<Scope> preTasks = List.of();
    private List<RoleScope> roles = List.of();
    private List<Scope> tasks = List.of();
    private List<Scope> postTasks = List.of();
    private List<Scope> handlers = List.of();

    public Play(Map<String, Object> keywords, Position position, Path playbookDir) {
        super(null, keywords, position);
        this.playbookDir = playbookDir;
    }

    void sections(
            List<Scope> pre, List<RoleScope> roleList, List<Scope> main, List<Scope> post, List<Scope> handlerList) {
        this.preTasks = List.copyOf(pre);
        this.roles = List.copyOf(roleList);
        this.tasks = List.copyOf(main);
        this.postTasks = List.copyOf(post);
        this.handlers = List.copyOf(handlerList);
    }

    public Path playbookDir() {
        return playbookDir;
    }

    /** The play's name as written ({@code name}), else its host pattern as Ansible shows it. */
    public String name() {
        Object name = own("name");
        if (name != null) {
            return String.valueOf(name);
        }
        return hostPattern();
    }

    /** The {@code hosts} value as a comma-separated pattern. */
    public String hostPattern() {
        Object hosts = own("hosts");
        if (hosts instanceof List<?> list) {
            List<String> names = new ArrayList<>();
            list.forEach(h -> names.add(String.valueOf(h)));
            return String.join(",", names);
        }
        return hosts == null ? "" : String.valueOf(hosts);
    }

    public List<Scope> preTasks() {
        return preTasks;
    }

    public List<RoleScope> roles() {
        return roles;
    }

    public List<Scope> tasks() {
        return tasks;
    }

    public List<Scope> postTasks() {
        return postTasks;
    }

    /** The handlers of the play's roles, then its own, then those of roles imported in its task lists. */
    public List<Scope> handlers() {
        return handlers;
    }
}
