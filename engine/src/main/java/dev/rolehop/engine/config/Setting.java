package dev.rolehop.engine.config;

import java.util.List;

/**
 * One Ansible setting rolehop reads: the environment variables that set it (a later one wins, as in
 * Ansible's config manager), where it sits in ansible.cfg, and how its value is read there.
 *
 * @param variables environment variables, the one rolehop's code reads first
 * @param section   the ansible.cfg section
 * @param keys      the keys in that section (a later one wins)
 * @param type      how an ansible.cfg value is resolved
 */
record Setting(List<String> variables, String section, List<String> keys, Type type) {

    Setting {
        variables = List.copyOf(variables);
        keys = List.copyOf(keys);
    }

    static Setting of(String variable, String section, String key, Type type) {
        return new Setting(List.of(variable), section, List.of(key), type);
    }

    /** Ansible's config types, as far as they matter to reading a value from a file. */
    enum Type {
        /** Taken as written. */
        STRING,
        /** A path: {@code ~} and variables expanded, relative to the file's folder. */
        PATH,
        /** Paths separated by {@code :}, each resolved as {@link #PATH}. */
        PATHSPEC,
        /** Paths separated by {@code ,}, each resolved as {@link #PATH}. */
        PATHLIST
    }
}
