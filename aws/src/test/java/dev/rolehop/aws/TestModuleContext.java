package dev.rolehop.aws;

import dev.rolehop.engine.module.ModuleContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A module context for tests: records logs and secrets, answers prompts from a fixed value. */
public final class TestModuleContext implements ModuleContext {

    private final Map<String, String> environment;
    private final boolean checkMode;
    private final boolean diffMode;
    private final String promptAnswer;
    public final List<String> logs = new ArrayList<>();
    public final List<String> secrets = new ArrayList<>();
    public final List<String> prompts = new ArrayList<>();

    public TestModuleContext(
            Map<String, String> environment, boolean checkMode, boolean diffMode, String promptAnswer) {
        this.environment = Map.copyOf(environment);
        this.checkMode = checkMode;
        this.diffMode = diffMode;
        this.promptAnswer = promptAnswer;
    }

    public TestModuleContext(Map<String, String> environment) {
        this(environment, false, false, null);
    }

    public TestModuleContext checking() {
        return new TestModuleContext(environment, true, diffMode, promptAnswer);
    }

    public TestModuleContext diffing() {
        return new TestModuleContext(environment, checkMode, true, promptAnswer);
    }

    /** The AWS calls logged, as {@code service Operation}. */
    public List<String> calls() {
        return logs.stream()
                .filter(l -> l.startsWith("AWS call "))
                .map(l -> l.substring(l.indexOf(": ") + 2, l.indexOf(" -> ")))
                .toList();
    }

    @Override
    public boolean checkMode() {
        return checkMode;
    }

    @Override
    public boolean diffMode() {
        return diffMode;
    }

    @Override
    public int verbosity() {
        return 3;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public Path playbookDir() {
        return Path.of(".");
    }

    @Override
    public String hostName() {
        return "localhost";
    }

    @Override
    public void markSecret(String value) {
        secrets.add(value);
    }

    @Override
    public void log(int minVerbosity, String message) {
        logs.add(message);
    }

    @Override
    public Optional<String> prompt(String prompt, boolean hidden) {
        prompts.add(prompt);
        return Optional.ofNullable(promptAnswer);
    }
}
