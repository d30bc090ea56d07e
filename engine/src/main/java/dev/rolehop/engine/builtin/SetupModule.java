package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleResult;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code setup} / {@code gather_facts}: the usual basic {@code ansible_*} facts of the control
 * host (the engine runs connection: local): host names, OS, architecture, user, environment,
 * date and time, CPU count and memory.
 */
public final class SetupModule implements Module {

    @Override
    public String name() {
        return "ansible.builtin.gather_facts";
    }

    @Override
    public Set<String> aliases() {
        return Set.of(
                "gather_facts",
                "setup",
                "ansible.builtin.setup",
                "ansible.legacy.setup",
                "ansible.legacy.gather_facts");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of(
                Argument.of("gather_subset", ArgumentType.LIST).withDefault(List.of("all")),
                Argument.of("gather_timeout", ArgumentType.INT).withDefault(10L),
                Argument.of("filter", ArgumentType.LIST),
                Argument.of("fact_path", ArgumentType.PATH),
                Argument.of("parallel", ArgumentType.BOOL));
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext context) {
        Map<String, Object> facts = new LinkedHashMap<>();
        String hostname = hostname();
        facts.put("ansible_hostname", hostname.split("\\.")[0]);
        facts.put("ansible_nodename", hostname);
        facts.put("ansible_fqdn", hostname);
        facts.put("ansible_domain", hostname.contains(".") ? hostname.substring(hostname.indexOf('.') + 1) : "");
        facts.put("ansible_system", capitalize(System.getProperty("os.name")));
        facts.put("ansible_kernel", System.getProperty("os.version"));
        String arch = System.getProperty("os.arch").replace("amd64", "x86_64");
        facts.put("ansible_architecture", arch);
        facts.put("ansible_machine", arch);
        Map<String, String> release = osRelease();
        facts.put("ansible_distribution", release.getOrDefault("NAME", "").split(" ")[0]);
        facts.put("ansible_distribution_version", release.getOrDefault("VERSION_ID", ""));
        facts.put(
                "ansible_distribution_major_version",
                release.getOrDefault("VERSION_ID", "").split("\\.")[0]);
        facts.put("ansible_distribution_release", release.getOrDefault("VERSION_CODENAME", ""));
        facts.put("ansible_os_family", osFamily(release.getOrDefault("ID", "")));
        facts.put("ansible_user_id", System.getProperty("user.name"));
        facts.put("ansible_user_dir", System.getProperty("user.home"));
        facts.put("ansible_env", new LinkedHashMap<>(context.environment()));
        facts.put("ansible_date_time", dateTime(ZonedDateTime.now()));
        facts.put("ansible_processor_vcpus", (long) Runtime.getRuntime().availableProcessors());
        facts.put("ansible_processor_count", (long) Runtime.getRuntime().availableProcessors());
        facts.put("ansible_memtotal_mb", memTotalMb());
        facts.put("ansible_python_version", "");
        facts.put("ansible_connection", "local");
        facts.put("gather_subset", args.list("gather_subset"));
        facts.put("module_setup", true);
        return ModuleResult.ok(Map.of("ansible_facts", facts));
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Map<String, String> osRelease() {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
                }
            }
        } catch (IOException e) {
            // Not a Linux with os-release: the distribution facts stay empty.
        }
        return values;
    }

    private static String osFamily(String id) {
        return switch (id) {
            case "debian", "ubuntu" -> "Debian";
            case "rhel", "centos", "fedora", "rocky", "almalinux", "amzn" -> "RedHat";
            case "alpine" -> "Alpine";
            case "arch" -> "Archlinux";
            default -> capitalize(id);
        };
    }

    private static long memTotalMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // No /proc: report 0 rather than guess.
        }
        return 0;
    }

    private static Map<String, Object> dateTime(ZonedDateTime now) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("date", now.format(DateTimeFormatter.ISO_LOCAL_DATE));
        d.put("day", String.format("%02d", now.getDayOfMonth()));
        d.put("epoch", String.valueOf(now.toEpochSecond()));
        d.put("hour", String.format("%02d", now.getHour()));
        d.put(
                "iso8601",
                now.withZoneSameInstant(java.time.ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")));
        d.put("minute", String.format("%02d", now.getMinute()));
        d.put("month", String.format("%02d", now.getMonthValue()));
        d.put("second", String.format("%02d", now.getSecond()));
        d.put("time", now.format(DateTimeFormatter.ofPattern("HH:mm:ss")));
        d.put("tz", now.getZone().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ROOT));
        d.put("weekday", now.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
        d.put("year", String.valueOf(now.getYear()));
        return d;
    }
}
