package dev.rolehop.cli.demo;

import dev.rolehop.engine.error.ExitCode;
import dev.rolehop.local.DemoWorld;
import dev.rolehop.local.LocalAws;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cross-account scenario, end to end: starts {@code rolehop local} with the demo world in a
 * temporary folder, then runs the seed playbooks step by step, explaining and checking each.
 */
public final class Demo {

    private static final String JUMP = DemoWorld.JUMP_ACCOUNT;
    private static final String LAB = DemoWorld.LAB_ACCOUNT;
    private static final int STEPS = 6;

    private final Path home;
    private final boolean interactive;
    private final boolean keep;
    private final int port;
    private final PrintStream out;

    /**
     * @param home        the rolehop distribution (bin/rolehop, examples/seed)
     * @param interactive whether to let the user type the MFA code of step 5
     * @param keep        whether to keep the temporary folder
     * @param port        the local endpoint's port, 0 for a free one
     * @param out         where the demo speaks
     */
    public Demo(Path home, boolean interactive, boolean keep, int port, PrintStream out) {
        this.home = home;
        this.interactive = interactive;
        this.keep = keep;
        this.port = port;
        this.out = out;
    }

    /** Runs every step: {@link ExitCode#OK} when each produced its expected result, else {@link ExitCode#ERROR}. */
    public int run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("rolehop-demo-");
        try {
            DemoWorld.write(dir);
            Path seed = copySeed(dir.resolve("seed"));
            try (LocalAws local = LocalAws.start(
                    new LocalAws.Options(dir.resolve("world.yml"), dir.resolve("state.json"), "127.0.0.1", port))) {
                out.println("rolehop demo: a security group in another account, through an MFA-guarded role");
                out.println();
                out.println("  local AWS   " + local.endpoint() + "  (rolehop local, world " + dir.resolve("world.yml")
                        + ")");
                out.println("  jump        account " + JUMP + ": IAM user alice, static keys, virtual MFA device");
                out.println("  lab         account " + LAB + ": role lab-admin, trusts jump only with MFA");
                out.println("  AWS config  " + dir.resolve("aws/config")
                        + " ([default] = alice, [profile lab] = the role)");
                var mfa = new MfaDevice(dir.resolve("world.yml"), DemoWorld.MFA_SERIAL, Clock.systemUTC(), out);
                var runner = new StepRunner(home.resolve("bin/rolehop"), seed, environment(dir, local), out);
                int passed = runSteps(runner, mfa);
                out.println();
                out.println("demo: " + passed + " of " + STEPS + " steps produced their expected result");
                return passed == STEPS ? ExitCode.OK : ExitCode.ERROR;
            }
        } finally {
            if (keep) {
                out.println("demo: kept " + dir);
            } else {
                deleteTree(dir);
            }
        }
    }

    private int runSteps(StepRunner runner, MfaDevice mfa) throws IOException, InterruptedException {
        List<Boolean> verdicts = new ArrayList<>();
        String code = mfa.freshCode();
        verdicts.add(report(
                1,
                runner,
                new Step(
                        "Assume the lab role with an MFA code, then create the group with the temporary keys",
                        "The classic recipe, unchanged: sts_assume_role, set_fact, ec2_group. The code " + code
                                + " comes from the demo's virtual MFA device.",
                        List.of("play", "test.yml", "-e", "sts_mfatoken=" + code),
                        Map.of(),
                        false,
                        ExitCode.OK,
                        List.of(Step.recap(3, 2, 0, 0)),
                        List.of(),
                        "the group was created in the lab account: ok=3 changed=2 unreachable=0 failed=0")));
        code = mfa.freshCode();
        verdicts.add(report(
                2,
                runner,
                new Step(
                        "Run it again",
                        "ec2_group is idempotent: the group exists with these rules, so it reports ok and changes nothing.",
                        List.of("play", "test.yml", "-e", "sts_mfatoken=" + code),
                        Map.of(),
                        false,
                        ExitCode.OK,
                        List.of(Step.recap(3, 1, 0, 0)),
                        List.of(),
                        "the group is unchanged; only the role was assumed again")));
        verdicts.add(report(
                3,
                runner,
                new Step(
                        "Run it without an MFA code",
                        "The lab role trusts the jump account only with MFA, so AWS refuses the AssumeRole call.",
                        List.of("play", "test.yml"),
                        Map.of(),
                        false,
                        ExitCode.HOST_FAILED,
                        List.of(Step.text("AccessDenied"), Step.recap(0, 0, 1, 0)),
                        List.of(),
                        "AWS denied the role without MFA (AccessDenied), and the play stopped there")));
        verdicts.add(report(
                4,
                runner,
                new Step(
                        "Turn the hop off: sts is false",
                        "The same playbook on the default credentials: the group lands in the jump account. "
                                + "(-e sts=false would be the string \"false\", which is true; JSON gives a boolean.)",
                        List.of("play", "test.yml", "-e", "{\"sts\": false}"),
                        Map.of(),
                        false,
                        ExitCode.OK,
                        List.of(Step.recap(1, 1, 0, 2)),
                        List.of(),
                        "the group was created in the jump account instead")));
        verdicts.add(report(
                5,
                runner,
                shortStep(mfa),
                new Step(
                        "short.yml again, with no code at all",
                        "The assumed-role session is cached in ~/.aws/cli/cache, as the AWS CLI caches it: no new code.",
                        List.of("play", "short.yml"),
                        Map.of(),
                        false,
                        ExitCode.OK,
                        List.of(Step.recap(1, 0, 0, 0)),
                        List.of(),
                        "the cached MFA session was reused; the group is unchanged")));
        verdicts.add(report(
                6,
                runner,
                new Step(
                        "Which account holds which group",
                        "Profile default lists the jump account, profile lab the lab account (from the cached session).",
                        List.of("play", "list.yml"),
                        Map.of(),
                        false,
                        ExitCode.OK,
                        List.of(holds(LAB, "web-ingress"), holds(LAB, "web-ingress-short"), holds(JUMP, "web-ingress")),
                        List.of(holds(JUMP, "web-ingress-short")),
                        "web-ingress is in both accounts (steps 1 and 4), web-ingress-short only in lab")));
        return (int) verdicts.stream().filter(passed -> passed).count();
    }

    private Step shortStep(MfaDevice mfa) throws InterruptedException {
        String code = mfa.freshCode();
        String why = "No set_fact dance: module_defaults names profile lab, and rolehop resolves it as "
                + "the AWS CLI would (role_arn, source_profile, mfa_serial).";
        List<String> args = List.of("play", "short.yml");
        if (interactive) {
            return new Step(
                    "The rolehop way: short.yml, one task, the profile does the rest",
                    why + " Type the code your virtual MFA device shows now: " + code,
                    args,
                    Map.of(),
                    true,
                    ExitCode.OK,
                    List.of(),
                    List.of(),
                    "the group was created in the lab account");
        }
        return new Step(
                "The rolehop way: short.yml, one task, the profile does the rest",
                why + " The code " + code + " is supplied once through ROLEHOP_MFA_TOKEN.",
                args,
                Map.of("ROLEHOP_MFA_TOKEN", code),
                false,
                ExitCode.OK,
                List.of(Step.recap(1, 1, 0, 0)),
                List.of(),
                "the group was created in the lab account");
    }

    private static Step.Expect holds(String account, String group) {
        return Step.text("account " + account + " holds " + group + " (");
    }

    /**
     * Runs the commands of one step in order, prints each verdict, and returns whether all of
     * them produced their expected result.
     */
    private boolean report(int number, StepRunner runner, Step... commands) throws IOException, InterruptedException {
        boolean passed = true;
        for (Step step : commands) {
            out.println();
            out.println("Step " + number + "/" + STEPS + ": " + step.title());
            out.println("  " + step.explanation());
            out.println("  $ " + commandLine(step));
            List<String> problems = runner.run(step);
            if (problems.isEmpty()) {
                out.println("  ok: " + step.verdict());
            } else {
                out.println("  FAILED: " + String.join("; ", problems));
                passed = false;
            }
        }
        return passed;
    }

    private static String commandLine(Step step) {
        var words = new StringBuilder();
        step.env().keySet().forEach(name -> words.append(name).append("=... "));
        words.append("rolehop");
        for (String arg : step.args()) {
            words.append(' ').append(arg.matches("[\\w./=:-]+") ? arg : "'" + arg + "'");
        }
        return words.toString();
    }

    /**
     * The environment of every step: the user's, less anything that would send AWS calls or
     * credentials elsewhere, plus the demo's own AWS files and endpoint. HOME points into the
     * temporary folder, so the credential cache is the demo's too.
     */
    private static Map<String, String> environment(Path dir, LocalAws local) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.keySet()
                .removeIf(name -> name.startsWith("AWS_") || name.startsWith("ROLEHOP_MFA") || name.equals("EC2_URL"));
        Path home = Files.createDirectories(dir.resolve("home"));
        env.put("HOME", home.toString());
        // Where the launcher keeps its class-data-sharing archive when lib/ is read-only: the user's cache.
        env.putIfAbsent("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache");
        env.put("AWS_CONFIG_FILE", dir.resolve("aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("aws/credentials").toString());
        env.put("AWS_ENDPOINT_URL", local.endpoint().toString());
        return env;
    }

    private Path copySeed(Path target) throws IOException {
        Path seed = home.resolve("examples/seed");
        try (Stream<Path> files = Files.walk(seed)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(seed.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
