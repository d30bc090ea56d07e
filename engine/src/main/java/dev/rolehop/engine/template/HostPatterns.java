package dev.rolehop.engine.template;

import java.util.List;
import java.util.Map;

/**
 * Resolves a host pattern ({@code all:!web}) against groups given as the {@code groups} variable
 * holds them, for the {@code inventory_hostnames} lookup. The inventory implements it; the
 * templating knows only this interface.
 */
@FunctionalInterface
public interface HostPatterns {
    /** The key under which the Templar hands the resolver to lookups. */
    String CONTEXT_KEY = "rolehop.host_patterns";

    /** Resolves none: the Templar of code that has no inventory. */
    HostPatterns NONE = (groups, pattern) -> List.of();

    /**
     * Returns the names of the hosts the pattern matches, in inventory order; no hosts when the
     * pattern is not valid, as Ansible's lookup answers.
     *
     * @param groups each group's hosts, as the {@code groups} variable lists them
     */
    List<String> select(Map<String, List<String>> groups, String pattern);
}
