package dev.rolehop.engine.template;

/**
 * Marks a variable map whose values the Templar must not scan for templates up front (such as
 * {@code hostvars}, which builds each host's variables only when read).
 */
public interface OpaqueVariables {}
