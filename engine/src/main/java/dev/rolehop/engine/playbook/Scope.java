package dev.rolehop.engine.playbook;

import dev.rolehop.engine.error.Position;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of the play tree (play, role, block, task) with its own keywords, whose values are
 * inherited by the nodes inside it as Ansible's field inheritance does: the innermost setting
 * wins, {@code when} conditions and {@code tags} accumulate, {@code vars} merge.
 */
public abstract class Scope {

    private final Scope parent;
    private final Map<String, Object> keywords;
    private final Map<String, Object> params;
    private final Position position;

    protected Scope(Scope parent, Map<String, Object> keywords, Position position) {
        this(parent, keywords, Map.of(), position);
    }

    /**
     * A node that also passes parameters to the nodes inside it: a role's parameters, or the vars
     * of a dynamic include.
     */
    protected Scope(Scope parent, Map<String, Object> keywords, Map<String, Object> params, Position position) {
        this.parent = parent;
        this.keywords = keywords;
        this.params = params;
        this.position = position;
    }

    public Scope parent() {
        return parent;
    }

    public Position position() {
        return position;
    }

    /** This node's own value of a keyword, or {@code null}. */
    public Object own(String keyword) {
        return keywords.get(keyword);
    }

    /** The innermost value of a keyword on this node or the nodes around it, or {@code null}. */
    public Object inherited(String keyword) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            Object value = scope.keywords.get(keyword);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Every value of a keyword from the outermost node inward, for keywords whose values add up ({@code environment}). */
    public List<Object> outermostFirst(String keyword) {
        List<Object> all = new ArrayList<>();
        for (Scope scope = this; scope != null; scope = scope.parent) {
            Object value = scope.keywords.get(keyword);
            if (value != null) {
                all.add(0, value);
            }
        }
        return all;
    }

    /** Every {@code when} from the outermost node inward, all of which must hold. */
    public List<Object> conditions() {
        List<Object> all = new ArrayList<>();
        for (Scope scope = this; scope != null; scope = scope.parent) {
            Object when = scope.keywords.get("when");
            if (when instanceof Collection<?> list) {
                all.addAll(0, list);
            } else if (when != null) {
                all.add(0, when);
            }
        }
        return all;
    }

    /** The union of the tags of this node and the nodes around it. */
    public Set<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        for (Scope scope = this; scope != null; scope = scope.parent) {
            tags.addAll(tagList(scope.keywords.get("tags")));
        }
        return tags;
    }

    /** The {@code vars} of the nodes around this one and then its own, outermost first (play vars excluded). */
    public Map<String, Object> scopedVars() {
        List<Scope> chain = new ArrayList<>();
        for (Scope scope = this; scope != null && !(scope instanceof Play); scope = scope.parent) {
            chain.add(0, scope);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        for (Scope scope : chain) {
            if (scope.keywords.get("vars") instanceof Map<?, ?> map) {
                map.forEach((k, v) -> vars.put(String.valueOf(k), v));
            }
        }
        return vars;
    }

    /**
     * The role parameters and include parameters of the nodes around this one, outermost first.
     * Ansible ranks them above include_vars, set_fact and registered values (only extra vars win).
     */
    public Map<String, Object> params() {
        List<Scope> chain = new ArrayList<>();
        for (Scope scope = this; scope != null; scope = scope.parent) {
            chain.add(0, scope);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        for (Scope scope : chain) {
            all.putAll(scope.params);
        }
        return all;
    }

    /** The role this node belongs to, or {@code null}. */
    public Role role() {
        RoleScope use = roleScope();
        return use == null ? null : use.roleDefinition();
    }

    /** The innermost use of a role this node belongs to, or {@code null}. */
    public RoleScope roleScope() {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            if (scope instanceof RoleScope r) {
                return r;
            }
        }
        return null;
    }

    /** The play this node belongs to. */
    public Play play() {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            if (scope instanceof Play p) {
                return p;
            }
        }
        throw new IllegalStateException("node outside a play");
    }

    static List<String> tagList(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(t -> tags.add(String.valueOf(t)));
        } else {
            for (String tag : String.valueOf(value).split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag.strip());
                }
            }
        }
        return tags;
    }
}
