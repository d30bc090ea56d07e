package dev.rolehop.cli.demo;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One step of the demo: what it shows, the rolehop command it runs, and what its output must
 * contain for the step to count as done.
 *
 * @param title       one line saying what the step does
 * @param explanation why it matters, in a sentence or two
 * @param args        the rolehop arguments
 * @param env         variables added to the demo's environment for this step
 * @param interactive whether the command talks to the terminal (its output is not captured)
 * @param exitCode    the exit code expected
 * @param present     patterns the output must contain
 * @param absent      patterns the output must not contain
 * @param verdict     what the step proved, printed when it passes
 */
record Step(String title, String explanation, List<String> args, Map<String, String> env, boolean interactive,
            int exitCode, List<Pattern> present, List<Pattern> absent, String verdict) {

    Step {
        args = List.copyOf(args);
        env = Map.copyOf(env);
        present = List.copyOf(present);
        absent = List.copyOf(absent);
    }

    /** The pattern of a PLAY RECAP line for localhost with these counts. */
    static Pattern recap(int ok, int changed, int failed, int skipped) {
        return Pattern.compile("localhost\\s+: ok=" + ok + "\\s+changed=" + changed
                + "\\s+unreachable=0\\s+failed=" + failed + "\\s+skipped=" + skipped + "\\b");
    }

    static Pattern line(String text) {
        return Pattern.compile(Pattern.quote(text));
    }
}
