package dev.rolehop.engine.delegate;

import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.module.Deprecation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Resolves a module name as ansible-core 2.14's module loader does ({@code find_plugin_with_context}):
 *
 * <ul>
 *   <li>a short name ({@code lineinfile}, {@code my_module}) through the legacy search: the
 *       {@code library/} folders beside the playbooks and roles loaded so far, the configured module
 *       path ({@code ANSIBLE_LIBRARY}, else {@code ~/.ansible/plugins/modules} and
 *       {@code /usr/share/ansible/plugins/modules}, with one or two levels of subfolders), then
 *       ansible-core's own modules; failing those, as {@code ansible.builtin.NAME};
 *   <li>an FQCN through its collection's routing ({@code ansible.builtin}: ansible-core's
 *       {@code ansible_builtin_runtime.yml}; any other: the installed collection's
 *       {@code meta/runtime.yml}): a redirect is followed, a deprecation reported, a tombstone is
 *       Ansible's {@code [DEPRECATED]} error; then the module file in the collection's
 *       {@code plugins/modules};
 *   <li>collections are looked for in {@code ANSIBLE_COLLECTIONS_PATH(S)} (else
 *       {@code ~/.ansible/collections:/usr/share/ansible/collections}), then in Python's sys.path
 *       ({@code ansible_collections} folders, such as the ones Debian's {@code ansible} package bundles).
 * </ul>
 *
 * <p>ansible-core itself is found lazily (the {@code probe}), only when a name needs it. Results
 * are kept per name until a playbook or role adds its plugin folders.
 */
public final class PluginRouting {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String BUILTIN = "ansible.builtin";
    private static final String LEGACY = "ansible.legacy";

    /** What a resolution tells the run (Ansible's display calls during resolution). */
    public interface Events {
        /** A routing entry's deprecation ({@code [DEPRECATION WARNING]}). */
        void deprecated(Deprecation deprecation);

        /** A line Ansible shows at the given verbosity ({@code redirecting ...} at 2). */
        void verbose(int level, String line);

        Events NONE = new Events() {
            @Override
            public void deprecated(Deprecation deprecation) {}

            @Override
            public void verbose(int level, String line) {}
        };
    }

    /** What a name resolved to. */
    public sealed interface Resolution permits Found, NotFound {}

    /** The module (or action plugin) the name leads to. */
    public record Found(ModuleLocation location) implements Resolution {}

    /**
     * No module has the name.
     *
     * @param looked where the loader looked, one entry per place, in order
     * @param hint   what to install or check, or {@code null}
     */
    public record NotFound(String name, List<String> looked, String hint) implements Resolution {

        /** The places and the hint as one text, for an error message. */
        public String explanation() {
            String text = "rolehop looked for '" + name + "' among its built-in modules and in: "
                    + String.join("; ", looked) + ".";
            return hint == null ? text : text + " " + hint;
        }
    }

    private final AnsibleSettings settings;
    private final Supplier<AnsibleInstallation.Probe> probe;
    private final List<Path> libraryDirs = new ArrayList<>();
    private final List<Path> actionDirs = new ArrayList<>();
    private final Map<String, Resolution> cache = new ConcurrentHashMap<>();
    private final Map<String, RuntimeMetadata> metadata = new ConcurrentHashMap<>();
    private final Map<String, Optional<Path>> collectionDirs = new ConcurrentHashMap<>();

    /**
     * @param settings where modules and collections are configured to be
     * @param probe    finds ansible-core; called at most once, when a name needs it
     */
    public PluginRouting(AnsibleSettings settings, Supplier<AnsibleInstallation.Probe> probe) {
        this.settings = settings;
        this.probe = memoize(probe);
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** The installation, when ansible-core was found (probing for it on first use). */
    public AnsibleInstallation.Probe installation() {
        return probe.get();
    }

    /**
     * Adds the plugin folders of a playbook's or role's folder ({@code library/},
     * {@code action_plugins/}) to the search, as Ansible's {@code add_all_plugin_dirs} does when it
     * loads a playbook or role: they are searched before the configured paths, in the order added.
     */
    public synchronized void addPluginDirs(Path base) {
        Path library = base.resolve("library").toAbsolutePath().normalize();
        Path action = base.resolve("action_plugins").toAbsolutePath().normalize();
        boolean changed = false;
        if (Files.isDirectory(library) && !libraryDirs.contains(library)) {
            libraryDirs.add(library);
            changed = true;
        }
        if (Files.isDirectory(action) && !actionDirs.contains(action)) {
            actionDirs.add(action);
            changed = true;
        }
        if (changed) {
            cache.clear();
        }
    }

    /** The folders a short name is searched in, in order (the legacy search path). */
    public synchronized List<Path> legacySearchPath(boolean withInternal) {
        List<Path> out = new ArrayList<>(libraryDirs);
        for (Path configured : settings.modulePath()) {
            for (Path sub : subfolders(configured)) {
                if (!out.contains(sub)) {
                    out.add(sub);
                }
            }
            if (!out.contains(configured)) {
                out.add(configured);
            }
        }
        if (withInternal) {
            probe.get().found().ifPresent(installation -> out.add(installation.modulesDir()));
        }
        return out;
    }

    /** The configured folder's subfolders one and two levels down, as Ansible globs them ({@code p/*}, {@code p/*\/*}). */
    private static List<Path> subfolders(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> first = children(dir).stream().filter(Files::isDirectory).toList();
        out.addAll(first);
        for (Path child : first) {
            children(child).stream().filter(Files::isDirectory).forEach(out::add);
        }
        return out;
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Resolves a module name, reporting the redirects and deprecations passed to {@code events}.
     *
     * @throws AnsibleError as Ansible's loader: a removed (tombstoned) module, an invalid or circular redirect
     */
    public Resolution resolve(String name, Events events) {
        Resolution resolution = cache.get(name);
        if (resolution == null) {
            resolution = new Step(name).run();
            cache.put(name, resolution);
        }
        if (resolution instanceof Found found) {
            found.location().redirects().forEach(line -> events.verbose(2, line));
            if (settings.deprecationWarnings()) {
                found.location().deprecations().forEach(events::deprecated);
            }
        }
        return resolution;
    }

    /** Ansible's {@code AnsibleCollectionRef.is_valid_fqcr}: {@code ns.coll.resource} with identifiers. */
    static boolean isFqcr(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length < 3) {
            return false;
        }
        for (String part : parts) {
            if (!IDENTIFIER.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The folder of an installed collection, first in the configured paths, then in sys.path. */
    public Optional<Path> collectionDir(String collection) {
        return collectionDirs.computeIfAbsent(collection, c -> {
            String[] parts = c.split("\\.");
            for (Path root : collectionRoots()) {
                Path dir = root.resolve("ansible_collections").resolve(parts[0]).resolve(parts[1]);
                if (Files.isDirectory(dir)) {
                    return Optional.of(dir);
                }
            }
            return Optional.empty();
        });
    }

    /** The folders searched for {@code ansible_collections/NS/COLL}, in order. */
    public List<Path> collectionRoots() {
        Set<Path> roots = new LinkedHashSet<>();
        for (Path path : settings.collectionsPaths()) {
            // As Ansible's collection finder, a configured path may name the ansible_collections folder itself.
            roots.add(
                    path.getFileName() != null
                                    && path.getFileName().toString().equals("ansible_collections")
                                    && path.getParent() != null
                            ? path.getParent()
                            : path);
        }
        if (settings.scanSysPath()) {
            probe.get().found().ifPresent(installation -> roots.addAll(installation.sysPathRoots()));
        }
        return new ArrayList<>(roots);
    }

    private RuntimeMetadata metadata(String collection, Path runtimeFile) {
        return metadata.computeIfAbsent(collection, c -> {
            try {
                return RuntimeMetadata.load(runtimeFile);
            } catch (IOException e) {
                throw new AnsibleError(
                        "The collection " + c + " has routing metadata that cannot be read: " + e.getMessage());
            }
        });
    }

    /** One resolution: the names tried, the redirects and deprecations met, where it looked. */
    private final class Step {
        private final String original;
        private final List<String> redirectList = new ArrayList<>();
        private final List<String> redirectLines = new ArrayList<>();
        private final List<Deprecation> deprecations = new ArrayList<>();
        private final List<String> looked = new ArrayList<>();
        private String hint;

        Step(String original) {
            this.original = original;
        }

        Resolution run() {
            String name = original;
            while (true) {
                redirectList.add(name);
                Object outcome = isFqcr(name) && !name.startsWith("Ansible") ? qualified(name) : legacy(name);
                if (outcome instanceof String redirect) {
                    if (redirectList.contains(redirect)) {
                        throw new AnsibleError("plugin redirect loop resolving " + original + " (path: "
                                + pythonList(redirectList) + ")");
                    }
                    name = redirect;
                    continue;
                }
                if (outcome instanceof ModuleLocation location) {
                    return new Found(location);
                }
                return new NotFound(original, List.copyOf(new LinkedHashSet<>(looked)), hint);
            }
        }

        /** {@code ns.coll.name}: {@code ansible.legacy.} searches as a short name, any other its collection. */
        private Object qualified(String name) {
            if (name.startsWith(LEGACY + ".")) {
                return legacy(name.substring(LEGACY.length() + 1));
            }
            return fq(name);
        }

        /** {@code _find_plugin_legacy}: the legacy folders, a deprecated {@code _NAME}, then {@code ansible.builtin.NAME}. */
        private Object legacy(String name) {
            List<Path> dirs = legacySearchPath(false);
            for (Path dir : dirs) {
                looked.add(dir.toString());
                Path file = moduleFile(dir, name);
                if (file != null) {
                    return located(name, name, file, null);
                }
            }
            AnsibleInstallation.Probe found = probe.get();
            if (found.installation() != null) {
                Path internal = found.installation().modulesDir();
                looked.add("ansible-core " + found.installation().version() + "'s modules (" + internal + ")");
                Path file = moduleFile(internal, name);
                if (file != null) {
                    return located(name, BUILTIN + "." + name, file, BUILTIN);
                }
                if (!name.startsWith("_")) {
                    Path alias = moduleFile(internal, "_" + name);
                    if (alias != null && !Files.isSymbolicLink(alias)) {
                        deprecations.add(new Deprecation(
                                name + " is kept for backwards compatibility but usage is discouraged. The module "
                                        + "documentation details page may explain more about this rationale.",
                                null,
                                null,
                                null));
                        return located(name, BUILTIN + "._" + name, alias, BUILTIN);
                    }
                }
            } else {
                looked.add("ansible-core's modules (" + found.explanation() + ")");
            }
            if (!name.contains(".") && isFqcr(BUILTIN + "." + name)) {
                if (found.installation() == null) {
                    hint = CoreModules.NAMES.contains(name)
                            ? "'" + name + "' is a module of ansible-core, which rolehop does not build in."
                            : null;
                    return null;
                }
                return fq(BUILTIN + "." + name);
            }
            return actionOnly(name, name, null, null);
        }

        /** {@code _find_fq_plugin}: the collection's routing, then its module file. */
        private Object fq(String fqcn) {
            String[] parts = fqcn.split("\\.", 3);
            String collection = parts[0] + "." + parts[1];
            String resource = parts[2];
            Path modulesDir;
            RuntimeMetadata routing;
            Path collectionDir = null;
            if (collection.equals(BUILTIN)) {
                AnsibleInstallation.Probe found = probe.get();
                if (found.installation() == null) {
                    looked.add("ansible-core (" + found.explanation() + ")");
                    if (CoreModules.NAMES.contains(resource)) {
                        hint = "'" + resource + "' is a module of ansible-core, which rolehop does not build in.";
                    }
                    return null;
                }
                modulesDir = found.installation().modulesDir();
                routing = metadata(BUILTIN, found.installation().builtinRuntime());
                if (!fqcn.equals(original) || redirectList.size() > 1) {
                    looked.add("ansible-core's routing (" + found.installation().builtinRuntime() + ")");
                }
            } else {
                Optional<Path> dir = collectionDir(collection);
                if (dir.isEmpty()) {
                    looked.add("the collection " + collection + " in "
                            + pythonList(collectionRoots().stream()
                                    .map(p -> p.resolve("ansible_collections").toString())
                                    .toList()));
                    hint = "The collection " + collection + " is not installed"
                            + (redirectList.size() > 1 && !fqcn.equals(original)
                                    ? " ('" + original + "' is routed to " + fqcn + " by "
                                            + (redirectList
                                                            .get(redirectList.size() - 2)
                                                            .startsWith(BUILTIN + ".")
                                                    ? "ansible-core's ansible_builtin_runtime.yml"
                                                    : "the collections' meta/runtime.yml")
                                            + ")"
                                    : "")
                            + ": install it with 'ansible-galaxy collection install " + collection + "'"
                            + (probe.get().installation() == null
                                    ? ""
                                    : " (or make its folder known with ANSIBLE_COLLECTIONS_PATH)")
                            + ".";
                    if (probe.get().installation() == null) {
                        hint += " " + probe.get().explanation() + ".";
                    }
                    return null;
                }
                collectionDir = dir.get();
                modulesDir = collectionDir.resolve("plugins/modules");
                routing = metadata(collection, collectionDir.resolve("meta/runtime.yml"));
            }
            Map<?, ?> entry = routing.module(resource);
            Object deprecation = entry.get("deprecation");
            if (deprecation instanceof Map<?, ?> details) {
                String text = text(details.get("warning_text"));
                String date = text(details.get("removal_date"));
                String version = date.isEmpty() ? text(details.get("removal_version")) : "";
                deprecations.add(new Deprecation(
                        fqcn + " has been deprecated." + (text.isEmpty() ? "" : " " + text),
                        version.isEmpty() ? null : version,
                        date.isEmpty() ? null : date,
                        collection));
            }
            if (entry.get("tombstone") instanceof Map<?, ?> tombstone) {
                String text = text(tombstone.get("warning_text"));
                String date = text(tombstone.get("removal_date"));
                String version = text(tombstone.get("removal_version"));
                throw new AnsibleError(removedMessage(
                        fqcn + " has been removed." + (text.isEmpty() ? "" : " " + text),
                        version.isEmpty() ? null : version,
                        date.isEmpty() ? null : date,
                        collection));
            }
            Object redirect = entry.get("redirect");
            if (redirect != null) {
                String target = String.valueOf(redirect);
                if (!isFqcr(target)) {
                    throw new AnsibleError("Collection " + collection + " contains invalid redirect for " + fqcn + ": "
                            + target + ". Redirects must use fully qualified collection names.");
                }
                redirectLines.add("redirecting (type: modules) " + fqcn + " to " + target);
                if (!redirectList.contains(fqcn)) {
                    redirectList.add(fqcn);
                }
                return target;
            }
            String[] resourceParts = resource.split("\\.");
            Path dir = modulesDir;
            for (int i = 0; i < resourceParts.length - 1; i++) {
                dir = dir.resolve(resourceParts[i]);
            }
            String last = resourceParts[resourceParts.length - 1];
            if (!collection.equals(BUILTIN)) {
                looked.add(collection + " (" + dir + ")");
            } else if (original.equals(fqcn)) {
                looked.add("ansible-core's modules (" + dir + ")");
            }
            Path file = Files.exists(dir.resolve(last)) ? dir.resolve(last) : fuzzy(dir, last);
            Path entryAction = entry.get("action_plugin") == null ? null : Path.of(text(entry.get("action_plugin")));
            if (file != null) {
                ModuleLocation location = located(original, fqcn, file, collection);
                if (entryAction != null && location.actionPlugin() == null) {
                    return withAction(location, entryAction);
                }
                return location;
            }
            if (collection.equals(BUILTIN)) {
                ModuleLocation action = actionOnly(resource, fqcn, BUILTIN, null);
                if (action == null && hint == null) {
                    hint = "If it is a module of a collection, install the collection ('ansible-galaxy collection "
                            + "install NAMESPACE.COLLECTION') and name the module by its full name "
                            + "(NAMESPACE.COLLECTION.MODULE); if it is a module of your own, put it in a library/ "
                            + "folder beside the playbook or in ANSIBLE_LIBRARY.";
                }
                return action;
            }
            return actionOnly(resource, fqcn, collection, collectionDir);
        }

        /** A name no module file has, but an action plugin does: Ansible runs the action. */
        private ModuleLocation actionOnly(String resource, String fqcn, String collection, Path collectionDir) {
            Path action = actionPlugin(resource, collection, collectionDir);
            if (action == null) {
                return null;
            }
            String resolved = collection == null
                    ? (action.startsWith(internalActions()) ? BUILTIN + "." + resource : resource)
                    : fqcn;
            return new ModuleLocation(
                    original, resolved, null, collection, action, Set.of(), redirectLines, deprecations);
        }

        private ModuleLocation located(String name, String fqcn, Path file, String collection) {
            String resource = collection == null ? fqcn : fqcn.substring(collection.length() + 1);
            Path collectionDir = collection == null || collection.equals(BUILTIN)
                    ? null
                    : collectionDir(collection).orElse(null);
            Path action = actionPlugin(resource, collection, collectionDir);
            return new ModuleLocation(
                    original,
                    fqcn,
                    file,
                    collection,
                    action,
                    actionGroups(collection, resource),
                    redirectLines,
                    deprecations);
        }

        private ModuleLocation withAction(ModuleLocation location, Path action) {
            return new ModuleLocation(
                    location.name(),
                    location.fqcn(),
                    location.path(),
                    location.collection(),
                    action,
                    location.actionGroups(),
                    location.redirects(),
                    location.deprecations());
        }
    }

    private Path internalActions() {
        return probe.get()
                .found()
                .map(i -> i.ansibleDir().resolve("plugins/action"))
                .orElse(Path.of("/nonexistent"));
    }

    /**
     * The action plugin Ansible would run a module through: for a collection's module, one of the same
     * name in its {@code plugins/action} (or routed there); for ansible-core's, one in
     * {@code ansible/plugins/action}; for a library module, one in an {@code action_plugins} folder.
     */
    private Path actionPlugin(String resource, String collection, Path collectionDir) {
        String fileName = resource.substring(resource.lastIndexOf('.') + 1) + ".py";
        if (collection == null) {
            List<Path> dirs = new ArrayList<>();
            synchronized (this) {
                dirs.addAll(actionDirs);
            }
            dirs.addAll(settings.actionPluginPath());
            dirs.add(internalActions());
            for (Path dir : dirs) {
                if (Files.isRegularFile(dir.resolve(fileName))) {
                    return dir.resolve(fileName);
                }
            }
            return null;
        }
        if (collection.equals(BUILTIN)) {
            Path file = internalActions().resolve(fileName);
            return Files.isRegularFile(file) && !fileName.equals("normal.py") ? file : null;
        }
        if (collectionDir == null) {
            return null;
        }
        Path file = collectionDir.resolve("plugins/action").resolve(resource.replace('.', '/') + ".py");
        if (Files.isRegularFile(file)) {
            return file;
        }
        RuntimeMetadata routing = metadata(collection, collectionDir.resolve("meta/runtime.yml"));
        Object redirect = routing.action(resource).get("redirect");
        if (redirect == null || !isFqcr(String.valueOf(redirect))) {
            return null;
        }
        String[] target = String.valueOf(redirect).split("\\.", 3);
        return collectionDir(target[0] + "." + target[1])
                .map(dir -> dir.resolve("plugins/action").resolve(target[2].replace('.', '/') + ".py"))
                .filter(Files::isRegularFile)
                .orElse(null);
    }

    /** The action groups of the module's collection that list it (by short or qualified name), by short name. */
    private Set<String> actionGroups(String collection, String resource) {
        if (collection == null || collection.equals(BUILTIN)) {
            // ansible-core's own action groups are test fixtures; its modules are in none that matters
            return Set.of();
        }
        RuntimeMetadata routing;
        if (collection.equals(BUILTIN)) {
            routing = probe.get()
                    .found()
                    .map(i -> metadata(BUILTIN, i.builtinRuntime()))
                    .orElse(RuntimeMetadata.EMPTY);
        } else {
            Optional<Path> dir = collectionDir(collection);
            routing = dir.isEmpty()
                    ? RuntimeMetadata.EMPTY
                    : metadata(collection, dir.get().resolve("meta/runtime.yml"));
        }
        Set<String> groups = new LinkedHashSet<>();
        routing.actionGroups().forEach((group, members) -> {
            for (Object member : members) {
                if (member instanceof String action
                        && (action.equals(resource) || action.equals(collection + "." + resource))) {
                    groups.add(group.substring(group.lastIndexOf('.') + 1));
                }
            }
        });
        return groups;
    }

    /** A module file in a legacy folder: the name with or without its extension, never an ignored ending. */
    private Path moduleFile(Path dir, String name) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        Path exact = null;
        Path byStem = null;
        for (Path file : children(dir)) {
            String fileName = file.getFileName().toString();
            if (!Files.isRegularFile(file) || fileName.equals("__init__.py") || ignored(fileName)) {
                continue;
            }
            if (fileName.equals(name) && exact == null) {
                exact = file;
            }
            int dot = fileName.lastIndexOf('.');
            String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
            if (stem.equals(name) && byStem == null) {
                byStem = file;
            }
        }
        return byStem != null ? byStem : exact;
    }

    /** {@code _find_fq_plugin}'s fuzzy match: {@code NAME.*} in the folder, not ignored, shortest (sorted) first. */
    private Path fuzzy(Path dir, String name) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        for (Path file : children(dir)) {
            String fileName = file.getFileName().toString();
            if (fileName.startsWith(name + ".") && Files.isRegularFile(file) && !ignored(fileName)) {
                return file;
            }
        }
        return null;
    }

    private boolean ignored(String fileName) {
        for (String ending : settings.moduleIgnoreExts()) {
            if (fileName.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** Ansible's {@code get_deprecation_message} for a removed feature, as its tombstone error says it. */
    static String removedMessage(String msg, String version, String date, String collection) {
        String text = msg.strip();
        if (!text.isEmpty() && "!?.".indexOf(text.charAt(text.length() - 1)) < 0) {
            text += ".";
        }
        String from = BUILTIN.equals(collection) ? "ansible-core" : collection;
        String when = date != null
                ? "in a release after " + date + "."
                : version != null ? "in version " + version + "." : "in a future release.";
        List<String> parts = new ArrayList<>(List.of("[DEPRECATED]: " + text, "This feature was removed"));
        if (from != null && !from.isEmpty()) {
            parts.add("from " + from);
        }
        parts.add(when);
        parts.add("Please update your playbooks.");
        return String.join(" ", parts);
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).strip();
    }

    private static String pythonList(List<String> values) {
        return "[" + String.join(", ", values.stream().map(v -> "'" + v + "'").toList()) + "]";
    }
}
