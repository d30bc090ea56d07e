package dev.rolehop.engine.delegate;

import dev.rolehop.engine.module.Deprecation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a module name led, as ansible-core's module loader resolves it.
 *
 * @param name          the name as the task wrote it ({@code ec2_tag})
 * @param fqcn          the resolved name ({@code amazon.aws.ec2_tag}; a {@code library/} module's bare name)
 * @param path          the module's file, or {@code null} when only an action plugin has the name
 * @param collection    the collection that holds it ({@code amazon.aws}, {@code ansible.builtin}), or
 *                      {@code null} for a module of a library folder
 * @param actionPlugin  the action plugin Ansible would run the task through, or {@code null} (the
 *                      module runs as it is, through Ansible's {@code normal} action)
 * @param actionGroups  the action groups the module belongs to, by their short names ({@code aws})
 * @param redirects     the {@code -vv} lines of the redirects followed ({@code redirecting (type: modules) ...})
 * @param deprecations  the deprecations of the routing entries passed
 */
public record ModuleLocation(
        String name,
        String fqcn,
        Path path,
        String collection,
        Path actionPlugin,
        Set<String> actionGroups,
        List<String> redirects,
        List<Deprecation> deprecations) {

    public ModuleLocation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fqcn, "fqcn");
        actionGroups = Set.copyOf(actionGroups);
        redirects = List.copyOf(redirects);
        deprecations = List.copyOf(deprecations);
    }

    /** Whether the module's own code is what Ansible runs (no action plugin in between). */
    public boolean runsAsModule() {
        return path != null && actionPlugin == null;
    }

    /**
     * The Python name Ansible runs the module under ({@code ansible_collections.amazon.aws.plugins.modules.ec2_tag},
     * {@code ansible.modules.lineinfile}; a library module's {@code ansible.modules.NAME}, as AnsiballZ names it).
     */
    public String pythonName() {
        String last = path.getFileName().toString();
        int dot = last.lastIndexOf('.');
        String stem = dot > 0 ? last.substring(0, dot) : last;
        if (collection == null || collection.equals("ansible.builtin")) {
            return "ansible.modules." + stem;
        }
        String resource = fqcn.substring(collection.length() + 1);
        int lastDot = resource.lastIndexOf('.');
        String subdirs = lastDot < 0 ? "" : resource.substring(0, lastDot) + ".";
        return "ansible_collections." + collection + ".plugins.modules." + subdirs + stem;
    }
}
