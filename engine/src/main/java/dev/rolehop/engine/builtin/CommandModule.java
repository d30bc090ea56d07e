package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code command} and {@code shell}: runs a program on the control host (connection: local)
 * and returns rc, stdout and stderr; {@code creates}/{@code removes} skip it, check mode does not run it.
 */
public final class CommandModule implements Module {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final boolean shell;

    private CommandModule(boolean shell) {
        this.shell = shell;
    }

    public static CommandModule command() {
        return new CommandModule(false);
    }

    public static CommandModule shell() {
        return new CommandModule(true);
    }

    @Override
    public String name() {
        return shell ? "ansible.builtin.shell" : "ansible.builtin.command";
    }

    @Override
    public Set<String> aliases() {
        return shell ? Set.of("shell", "ansible.legacy.shell") : Set.of("command", "ansible.legacy.command");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        // As Ansible's command module: `cmd` is the free-form command by another name, and
        // _uses_shell (which the shell action sets) shows in the invocation.
        return ArgumentSpec.of(
                        Argument.of("_raw_params", ArgumentType.STR).withAliases("cmd"),
                        Argument.of("_uses_shell", ArgumentType.BOOL).withDefault(shell),
                        Argument.of("argv", ArgumentType.LIST).withElements(ArgumentType.STR),
                        Argument.of("chdir", ArgumentType.PATH),
                        Argument.of("executable", ArgumentType.PATH),
                        Argument.of("creates", ArgumentType.PATH),
                        Argument.of("removes", ArgumentType.PATH),
                        Argument.of("stdin", ArgumentType.STR),
                        Argument.of("stdin_add_newline", ArgumentType.BOOL).withDefault(true),
                        Argument.of("strip_empty_ends", ArgumentType.BOOL).withDefault(true))
                .withFreeForm();
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext context) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("stdout", "");
        r.put("stderr", "");
        r.put("rc", null);
        r.put("cmd", null);
        r.put("start", null);
        r.put("end", null);
        r.put("delta", null);
        r.put("msg", "");
        String raw = args.string("_raw_params").orElse(null);
        List<Object> argv = args.list("argv");
        if ((raw == null || raw.isBlank()) && argv.isEmpty()) {
            r.put("rc", 256);
            r.put("msg", "no command given");
            return failed(r);
        }
        List<String> command = new ArrayList<>();
        if (shell) {
            command.addAll(List.of(args.string("executable").orElse("/bin/sh"), "-c", raw));
            r.put("cmd", raw);
        } else {
            if (raw != null) {
                command.addAll(Shlex.split(raw));
            } else {
                argv.forEach(a -> command.add(String.valueOf(a)));
            }
            r.put("cmd", new ArrayList<>(command));
        }
        Path dir = args.string("chdir").map(Path::of).orElse(null);
        String should = context.checkMode() ? "Would" : "Did";
        String creates = args.string("creates").orElse(null);
        String removes = args.string("removes").orElse(null);
        if (creates != null && exists(creates, dir)) {
            r.put("msg", should + " not run command since '" + creates + "' exists");
            r.put("stdout", "skipped, since " + creates + " exists");
            r.put("rc", 0);
        } else if (removes != null && !exists(removes, dir)) {
            r.put("msg", should + " not run command since '" + removes + "' does not exist");
            r.put("stdout", "skipped, since " + removes + " does not exist");
            r.put("rc", 0);
        }
        if (!"".equals(r.get("msg"))) {
            return withLines(r);
        }
        r.put("changed", true);
        if (context.checkMode()) {
            r.put("rc", 0);
            r.put("msg", "Command would have run if not in check mode");
            if (creates == null && removes == null) {
                r.put("skipped", true);
                r.put("changed", false);
            }
            return withLines(r);
        }
        LocalDateTime start = LocalDateTime.now();
        Output output = execute(command, dir, context.environment(), stdin(args));
        LocalDateTime end = LocalDateTime.now();
        r.put("rc", output.rc());
        r.put("stdout", args.bool("strip_empty_ends") ? stripEnd(output.stdout()) : output.stdout());
        r.put("stderr", args.bool("strip_empty_ends") ? stripEnd(output.stderr()) : output.stderr());
        r.put("start", STAMP.format(start));
        r.put("end", STAMP.format(end));
        r.put("delta", delta(Duration.between(start, end)));
        if (output.rc() != 0) {
            r.put(
                    "msg",
                    output.rc() == 127 && output.stderr().isEmpty()
                            ? "[Errno 2] No such file or directory"
                            : "non-zero return code");
            return failed(r);
        }
        return withLines(r);
    }

    private static String stdin(ModuleArgs args) {
        return args.string("stdin")
                .map(s -> args.bool("stdin_add_newline") ? s + "\n" : s)
                .orElse(null);
    }

    /** The result of {@code fail_json(msg, **r)}: {@code failed} goes in before {@code msg}, as Ansible's module puts it. */
    private static ModuleResult failed(Map<String, Object> r) {
        Object msg = r.remove("msg");
        r.put("failed", true);
        r.put("msg", msg);
        return new ModuleResult(Boolean.TRUE.equals(r.get("changed")), true, null, r, null);
    }

    /** The result of {@code exit_json(**r)}; {@code stdout_lines}/{@code stderr_lines} are added by the executor, as Ansible's action base adds them. */
    private static ModuleResult withLines(Map<String, Object> r) {
        return new ModuleResult(Boolean.TRUE.equals(r.get("changed")), false, null, r, null);
    }

    private static String stripEnd(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String delta(Duration d) {
        long micros = d.toNanos() / 1000;
        return String.format(
                "%d:%02d:%02d.%06d",
                micros / 3_600_000_000L, micros / 60_000_000 % 60, micros / 1_000_000 % 60, micros % 1_000_000);
    }

    private static boolean exists(String pattern, Path dir) {
        Path base = dir == null ? Path.of("") : dir;
        if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[")) {
            return Files.exists(base.resolve(pattern));
        }
        Path absolute = base.resolve(pattern).toAbsolutePath();
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
        Path parent = absolute.getParent();
        try (var stream = Files.list(parent)) {
            return stream.anyMatch(matcher::matches);
        } catch (IOException e) {
            return false;
        }
    }

    private record Output(int rc, String stdout, String stderr) {}

    private static Output execute(List<String> command, Path dir, Map<String, String> environment, String stdin) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = null;
        try {
            process = builder.start();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            int rc = process.waitFor();
            return new Output(rc, out.join(), err.join());
        } catch (IOException e) {
            return new Output(2, "", "[Errno 2] No such file or directory: b'" + command.get(0) + "'");
        } catch (InterruptedException e) {
            // The task was stopped (its timeout, or Ctrl-C): so is the command, with what it started.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Output(-1, "", "interrupted");
        }
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
