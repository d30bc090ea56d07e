package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleResult;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code pause}: waits {@code seconds}/{@code minutes}, or asks {@code prompt} and waits for
 * enter; prints what Ansible's pause prints. Without a terminal a timed pause just waits.
 */
public final class PauseModule implements ActionModule {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @Override
    public String name() {
        return "ansible.builtin.pause";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("pause", "ansible.legacy.pause");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of(
                        Argument.of("seconds", ArgumentType.INT),
                        Argument.of("minutes", ArgumentType.INT),
                        Argument.of("prompt", ArgumentType.STR),
                        Argument.of("echo", ArgumentType.BOOL).withDefault(true))
                .mutuallyExclusive("minutes", "seconds");
    }

    @Override
    public ModuleResult run(ModuleArgs args, ActionContext context) {
        String hidden = args.bool("echo") ? "" : " (output is hidden)";
        String prompt = "[" + context.taskName().strip() + "]\n"
                + args.string("prompt").orElse("Press enter to continue, Ctrl+C to interrupt") + hidden + ":";
        Long seconds = args.integer("minutes")
                .map(m -> m * 60)
                .or(() -> args.integer("seconds"))
                .orElse(null);
        LocalDateTime start = LocalDateTime.now();
        String input = "";
        if (seconds != null) {
            long wait = Math.max(1, seconds);
            context.display("Pausing for " + wait + " seconds" + hidden);
            context.display("(ctrl+C then 'C' = continue early, ctrl+C then 'A' = abort)\r");
            if (args.has("prompt")) {
                context.display(prompt);
            }
            context.sleep(Duration.ofSeconds(wait));
        } else {
            context.display(prompt);
            input = context.prompt("", !args.bool("echo")).orElseGet(() -> {
                context.log(0, "Not waiting for response to prompt as stdin is not interactive");
                return "";
            });
        }
        LocalDateTime stop = LocalDateTime.now();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("delta", Duration.between(start, stop).toSeconds());
        values.put("echo", args.bool("echo"));
        values.put("rc", 0L);
        values.put("start", STAMP.format(start));
        values.put("stop", STAMP.format(stop));
        values.put(
                "stdout",
                String.format(
                        "Paused for %.2f %s",
                        seconds != null && args.has("minutes")
                                ? Duration.between(start, stop).toMillis() / 60000.0
                                : Duration.between(start, stop).toMillis() / 1000.0,
                        seconds != null && args.has("minutes") ? "minutes" : "seconds"));
        values.put("user_input", input);
        return ModuleResult.ok(values);
    }
}
