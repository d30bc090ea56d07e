package dev.rolehop.local.policy;

import java.util.List;
import java.util.Objects;

/**
 * One condition of a statement: {@code "Operator": {"key": [values]}}, values OR-ed.
 *
 * @param operator the base operator without {@code IfExists}
 * @param ifExists whether the operator had the {@code IfExists} suffix
 */
public record Condition(ConditionOperator operator, boolean ifExists, String key, List<String> values) {

    public Condition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
    }
}
