package dev.rolehop.engine.module;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown by a module to fail its task with a message and optional return values, as
 * Ansible's {@code module.fail_json(msg=..., **kwargs)}. Never carries a secret in its message.
 */
public class ModuleFailure extends RuntimeException {

    private final Map<String, Object> values;

    public ModuleFailure(String msg) {
        this(msg, Map.of());
    }

    public ModuleFailure(String msg, Map<String, ?> values) {
        super(msg, null, false, false);
        this.values = new LinkedHashMap<>(values);
    }

    public Map<String, Object> values() {
        return values;
    }

    public ModuleResult toResult() {
        return ModuleResult.failed(getMessage(), values);
    }
}
