package dev.rolehop.cli.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one demo step as a user would: the distribution's {@code bin/rolehop} as a process, in the
 * demo's folder and environment, its output shown indented; then checks the expected result.
 */
final class StepRunner {

    private final Path rolehop;
    private final Path workDir;
    private final Map<String, String> environment;
    private final PrintStream out;

    StepRunner(Path rolehop, Path workDir, Map<String, String> environment, PrintStream out) {
        this.rolehop = rolehop;
        this.workDir = workDir;
        this.environment = Map.copyOf(environment);
        this.out = out;
    }

    /** Runs the step and returns the problems found, empty when it produced its expected result. */
    List<String> run(Step step) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(rolehop.toString());
        command.addAll(step.args());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putAll(step.env());
        if (step.interactive()) {
            int exit = builder.inheritIO().start().waitFor();
            return check(step, exit, "", false);
        }
        builder.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                out.println("    | " + line);
                output.append(line).append('\n');
            }
        }
        return check(step, process.waitFor(), output.toString(), true);
    }

    private static List<String> check(Step step, int exit, String output, boolean captured) {
        List<String> problems = new ArrayList<>();
        if (exit != step.exitCode()) {
            problems.add("exit code " + exit + ", expected " + step.exitCode());
        }
        if (captured) {
            for (Step.Expect expect : step.present()) {
                if (!expect.foundIn(output)) {
                    problems.add("the output lacks " + expect.description());
                }
            }
            for (Step.Expect expect : step.absent()) {
                if (expect.foundIn(output)) {
                    problems.add("the output shows " + expect.description());
                }
            }
        }
        return problems;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
