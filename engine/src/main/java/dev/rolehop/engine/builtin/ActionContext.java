package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.template.Templar;
import java.util.Map;

/**
 * What an action plugin (a module that works on the engine's own state: {@code set_fact},
 * {@code debug}, {@code assert}...) may use besides the {@link ModuleContext}.
 */
public interface ActionContext extends ModuleContext {

    /** The templar, for evaluating expressions and conditionals. */
    Templar templar();

    /** Every variable visible to the task on this host. */
    Map<String, Object> variables();

    /** The directory of the role the task belongs to, else of the task's file, for relative paths. */
    java.nio.file.Path baseDir();
}
