package dev.rolehop.local.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One statement of an IAM policy document.
 *
 * <p>Exactly one of {@code actions}/{@code notActions} is non-empty; resources likewise for
 * permission policies (trust policies have neither). {@code principals} maps a principal type
 * ({@code AWS}, {@code Service}, ...) to its values; it is empty for permission policies.
 */
public record Statement(
        String sid,
        Effect effect,
        List<String> actions,
        List<String> notActions,
        List<String> resources,
        List<String> notResources,
        Map<String, List<String>> principals,
        List<Condition> conditions) {

    public Statement {
        Objects.requireNonNull(effect, "effect");
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
        principals = Map.copyOf(principals);
        conditions = List.copyOf(conditions);
    }
}
