package dev.rolehop.engine.module;

/** The argument types of Ansible's {@code argument_spec} that rolehop's modules use. */
public enum ArgumentType {
    STR,
    BOOL,
    INT,
    FLOAT,
    LIST,
    DICT,
    PATH,
    RAW
}
