package dev.rolehop.engine.executor;

import dev.rolehop.engine.module.ModuleRegistry;
import dev.rolehop.engine.playbook.PlaybookLoader;
import dev.rolehop.engine.template.Templar;

/** The collaborators one run shares across plays, hosts and tasks. */
record Services(
        ModuleRegistry registry,
        Templar templar,
        ModuleInvoker invoker,
        Callback callback,
        SecretMasker masker,
        Prompter prompter,
        Sleeper sleeper,
        AsyncJobs asyncJobs,
        PlaybookLoader loader) {}
