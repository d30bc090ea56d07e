package dev.rolehop.engine.executor;

import java.util.List;
import java.util.Set;

/**
 * Whether a task's tags pass {@code --tags} and {@code --skip-tags}, with Ansible's special tags:
 * {@code always} runs unless skipped by name, {@code never} only when asked for, {@code all},
 * {@code tagged} and {@code untagged}.
 *
 * @param only the {@code --tags} (empty = all)
 * @param skip the {@code --skip-tags}
 */
public record TagSelection(List<String> only, List<String> skip) {

    public TagSelection {
        only = List.copyOf(only);
        skip = List.copyOf(skip);
    }

    public boolean allows(Set<String> tags) {
        boolean selected;
        if (only.isEmpty() || only.contains("all")) {
            selected = !tags.contains("never") || only.stream().anyMatch(tags::contains);
        } else {
            selected = tags.contains("always")
                    || only.stream().anyMatch(tags::contains)
                    || only.contains("tagged") && !tags.isEmpty()
                    || only.contains("untagged") && tags.isEmpty();
        }
        if (selected && !skip.isEmpty()) {
            boolean skipped = skip.stream().anyMatch(tags::contains)
                    || skip.contains("all") && !tags.contains("always")
                    || skip.contains("tagged") && !tags.isEmpty()
                    || skip.contains("untagged") && tags.isEmpty();
            selected = !skipped;
        }
        return selected;
    }
}
