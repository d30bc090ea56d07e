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
 * @param present     what the output must contain
 * @param absent      what the output must not contain
 * @param verdict     what the step proved, printed when it passes
 */
record Step(
        String title,
        String explanation,
        List<String> args,
        Map<String, String> env,
        boolean interactive,
        int exitCode,
        List<Expect> present,
        List<Expect> absent,
        String verdict) {

    Step {
        args = List.copyOf(args);
        env = Map.copyOf(env);
        present = List.copyOf(present);
        absent = List.copyOf(absent);
    }

    /** A PLAY RECAP line for localhost with these counts, however it is padded. */
    static Expect recap(int ok, int changed, int failed, int skipped) {
        String counts = "ok=" + ok + " changed=" + changed + " unreachable=0 failed=" + failed + " skipped=" + skipped;
        return new Expect(
                "the recap 'localhost : " + counts + "'",
                Pattern.compile("localhost\\s+: " + counts.replace(" ", "\\s+") + "\\b"));
    }

    /** The text, as it is. */
    static Expect text(String text) {
        return new Expect("'" + text + "'", Pattern.compile(Pattern.quote(text)));
    }

    /** Something the output of a step should (or should not) show, and how to say it. */
    record Expect(String description, Pattern pattern) {

        boolean foundIn(String output) {
            return pattern.matcher(output).find();
        }
    }
}
