package dev.rolehop.engine.template.ansible;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ansible's {@code file} and {@code first_found} lookups, searching the play's file paths. */
final class FileLookups {
    private FileLookups() {}

    static Map<String, Lookup> all() {
        Map<String, Lookup> lookups = new LinkedHashMap<>();
        lookups.put("file", FileLookups::file);
        lookups.put("first_found", FileLookups::firstFound);
        lookups.put("fileglob", FileLookups::fileglob);
        lookups.put("template", new TemplateLookup());
        return lookups;
    }

    /** {@code file(rstrip=True, lstrip=False)}: the contents of each file. */
    private static List<Object> file(List<Object> terms, Map<String, Object> options, LookupContext context) {
        Lookups.accept("file", options, "rstrip", "lstrip");
        boolean rstrip = PythonValues.truthy(options.getOrDefault("rstrip", true));
        boolean lstrip = PythonValues.truthy(options.getOrDefault("lstrip", false));
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            String name = PythonRepr.str(term);
            Path path = context.find("files", name);
            if (path == null || Files.isDirectory(path)) {
                throw new AnsibleFilterError("could not locate file in lookup: " + name, "AnsibleError");
            }
            String contents;
            try {
                contents = context.readText(path);
            } catch (IOException e) {
                throw new AnsibleFilterError("could not locate file in lookup: " + name, "AnsibleError");
            }
            contents = lstrip ? contents.stripLeading() : contents;
            result.add(rstrip ? contents.stripTrailing() : contents);
        }
        return result;
    }

    /**
     * {@code fileglob}: files matching each term's name pattern, in the term's directory (found in
     * the search path) or else in the first of {@code DIR/files}, {@code DIR} (for each search
     * path, or the role's or play's directory) holding any.
     */
    private static List<Object> fileglob(List<Object> terms, Map<String, Object> options, LookupContext context) {
        Lookups.accept("fileglob", options);
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            String pattern = PythonRepr.str(term);
            String name = PathFilters.basename(pattern);
            List<Path> dirs = new ArrayList<>();
            if (!name.equals(pattern)) {
                Path dir = context.find("files", PathFilters.dirname(pattern));
                if (dir != null) {
                    dirs.add(dir);
                }
            } else {
                for (Path base : context.globPaths()) {
                    dirs.add(base.resolve("files"));
                    dirs.add(base);
                }
            }
            for (Path dir : dirs) {
                List<String> found = FileGlob.files(name, dir);
                if (!found.isEmpty()) {
                    found.forEach(file -> result.add(dir.resolve(file).toString()));
                    break;
                }
            }
        }
        return result;
    }

    /**
     * {@code first_found}: the first existing file of the terms (strings, lists, or dicts with
     * {@code files}/{@code paths}/{@code skip}), or {@code files}/{@code paths} options.
     */
    private static List<Object> firstFound(List<Object> terms, Map<String, Object> options, LookupContext context) {
        Lookups.accept("first_found", options, "files", "paths", "skip");
        List<String> candidates = new ArrayList<>();
        boolean skip = candidates(terms, options, candidates);
        for (String candidate : candidates) {
            Path found = context.find(context.subdir(), candidate);
            if (found != null) {
                return List.of(found.toString());
            }
        }
        if (skip) {
            return List.of();
        }
        throw new AnsibleFilterError("No file was found when using first_found.", "AnsibleLookupError");
    }

    /** Collects the paths to try, as first_found's _process_terms does; returns {@code skip}. */
    private static boolean candidates(List<?> terms, Map<String, Object> options, List<String> search) {
        boolean skip = false;
        for (Object term : terms) {
            Map<?, ?> settings;
            if (term instanceof Map<?, ?> map) {
                settings = map;
            } else if (term instanceof CharSequence) {
                settings = options;
            } else if (term instanceof List<?> list) {
                skip = candidates(list, options, search);
                continue;
            } else {
                throw new AnsibleFilterError(
                        "Invalid term supplied, can handle string, mapping or list of strings but got: "
                                + DictFilters.pythonClass(term) + " for " + PythonRepr.str(term),
                        "AnsibleLookupError");
            }
            List<String> files = split(settings.get("files"), ",;");
            List<String> paths = split(settings.get("paths"), ",:;");
            skip = PythonValues.truthy(settings.get("skip"));
            if (!paths.isEmpty()) {
                for (String path : paths) {
                    for (String file : files) {
                        search.add(path.endsWith("/") || path.isEmpty() ? path + file : path + "/" + file);
                    }
                }
            } else if (!files.isEmpty()) {
                search.clear();
                search.addAll(files);
            } else {
                search.add(PythonRepr.str(term));
            }
        }
        return skip;
    }

    /** first_found's _split_on: strings split on any of the characters, lists recursively. */
    private static List<String> split(Object value, String separators) {
        List<String> parts = new ArrayList<>();
        if (value == null) {
            return parts;
        }
        if (value instanceof CharSequence text) {
            StringBuilder part = new StringBuilder();
            for (char c : text.toString().toCharArray()) {
                if (separators.indexOf(c) >= 0) {
                    parts.add(part.toString());
                    part.setLength(0);
                } else {
                    part.append(c);
                }
            }
            parts.add(part.toString());
            return parts;
        }
        for (Object item : PythonValues.iterable(value)) {
            parts.addAll(split(item, separators));
        }
        return parts;
    }
}
