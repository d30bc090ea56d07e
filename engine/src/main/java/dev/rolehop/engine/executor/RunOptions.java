package dev.rolehop.engine.executor;

import java.util.List;
import java.util.Map;

/**
 * How to run playbooks: ansible-playbook's options.
 *
 * @param extraVars   {@code -e} variables, highest precedence
 * @param check       {@code --check}
 * @param diff        {@code --diff}
 * @param verbosity   the number of {@code -v}
 * @param forks       hosts run in parallel ({@code -f}, default 5)
 * @param limit       {@code -l} pattern, or {@code null}
 * @param tags        {@code -t} tags (empty = all)
 * @param skipTags    {@code --skip-tags}
 * @param startAtTask {@code --start-at-task}, or {@code null}
 * @param environment the process environment tasks run with
 */
public record RunOptions(
        Map<String, Object> extraVars,
        boolean check,
        boolean diff,
        int verbosity,
        int forks,
        String limit,
        List<String> tags,
        List<String> skipTags,
        String startAtTask,
        Map<String, String> environment) {

    public RunOptions {
        extraVars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraVars));
        tags = List.copyOf(tags);
        skipTags = List.copyOf(skipTags);
        environment = Map.copyOf(environment);
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1");
        }
    }

    /** No extra vars, no check/diff, verbosity 0, 5 forks, all hosts and tags, the process environment. */
    public static RunOptions defaults() {
        return new RunOptions(Map.of(), false, false, 0, 5, null, List.of(), List.of(), null, System.getenv());
    }

    public RunOptions withExtraVars(Map<String, Object> vars) {
        return new RunOptions(vars, check, diff, verbosity, forks, limit, tags, skipTags, startAtTask, environment);
    }

    public RunOptions withCheck(boolean value) {
        return new RunOptions(
                extraVars, value, diff, verbosity, forks, limit, tags, skipTags, startAtTask, environment);
    }

    public RunOptions withDiff(boolean value) {
        return new RunOptions(
                extraVars, check, value, verbosity, forks, limit, tags, skipTags, startAtTask, environment);
    }

    public RunOptions withVerbosity(int value) {
        return new RunOptions(extraVars, check, diff, value, forks, limit, tags, skipTags, startAtTask, environment);
    }

    public RunOptions withForks(int value) {
        return new RunOptions(
                extraVars, check, diff, verbosity, value, limit, tags, skipTags, startAtTask, environment);
    }

    public RunOptions withLimit(String value) {
        return new RunOptions(
                extraVars, check, diff, verbosity, forks, value, tags, skipTags, startAtTask, environment);
    }

    public RunOptions withTags(List<String> value, List<String> skip) {
        return new RunOptions(extraVars, check, diff, verbosity, forks, limit, value, skip, startAtTask, environment);
    }

    public RunOptions withStartAtTask(String value) {
        return new RunOptions(extraVars, check, diff, verbosity, forks, limit, tags, skipTags, value, environment);
    }

    public RunOptions withEnvironment(Map<String, String> value) {
        return new RunOptions(extraVars, check, diff, verbosity, forks, limit, tags, skipTags, startAtTask, value);
    }
}
