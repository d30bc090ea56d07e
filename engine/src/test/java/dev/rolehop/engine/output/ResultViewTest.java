package dev.rolehop.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.error.Position;
import dev.rolehop.engine.executor.TaskResult;
import dev.rolehop.engine.module.Deprecation;
import dev.rolehop.engine.playbook.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultViewTest {

    private static final Task COMMAND = task("command");
    private static final Task DEBUG = task("debug");

    private static Task task(String action) {
        return new Task(null, Map.of(), new Position("t.yml", 1, 1), action, Map.of(), false);
    }

    private static TaskResult.Builder commandResult() {
        return TaskResult.builder()
                .put("changed", true)
                .put("rc", 0L)
                .put("stdout", "secret")
                .put("invocation", Map.of("module_args", Map.of()))
                .put("diff", Map.of("before", "", "after", "x"))
                .put("failed", false)
                .put("attempts", 2L);
    }

    @Test
    void aNoLogResultIsShownCensoredWithOnlyAttemptsChangedAndRetries() {
        TaskResult result = commandResult().noLog(true).build("h", COMMAND);

        assertThat(ResultView.of(result, 4))
                .containsExactly(
                        Map.entry("censored", ResultView.CENSORED),
                        Map.entry("attempts", 2L),
                        Map.entry("changed", true));
        assertThat(ResultView.forCallback(result)).doesNotContainValue("secret");
    }

    @Test
    void theDisplayLeavesOutFailedAndSkippedWhichTheEventSays() {
        TaskResult result = commandResult().put("skipped", false).build("h", COMMAND);

        assertThat(ResultView.of(result, 3))
                .doesNotContainKeys("failed", "skipped")
                .containsKeys("rc", "stdout");
    }

    @Test
    void invocationAndDiffAreShownOnlyFromVerbosityThree() {
        TaskResult result = commandResult().build("h", COMMAND);

        assertThat(ResultView.of(result, 2)).doesNotContainKeys("invocation", "diff");
        assertThat(ResultView.of(result, 3)).containsKeys("invocation", "diff");
    }

    @Test
    void theDumpHasNoInternalKeyButTheCallbacksViewKeepsTheOnesCallbacksRead() {
        TaskResult result = TaskResult.builder()
                .put("msg", "hi")
                .put("changed", false)
                .verboseAlways(true)
                .build("h", DEBUG);

        assertThat(ResultView.of(result, 0)).containsOnlyKeys("msg");
        assertThat(ResultView.forCallback(result))
                .containsEntry("_ansible_verbose_always", true)
                .containsEntry("_ansible_no_log", false);
    }

    @Test
    void theCallbacksViewMarksEachLoopItemWithItsNoLogAndLabel() {
        TaskResult item = TaskResult.builder()
                .put("changed", false)
                .put("item", 1L)
                .put("ansible_loop_var", "item")
                .put("failed", false)
                .build("h", COMMAND);
        TaskResult labelled = TaskResult.builder()
                .put("changed", false)
                .put("item", 2L)
                .put("ansible_loop_var", "item")
                .label("two")
                .build("h", COMMAND);
        TaskResult loop = TaskResult.builder()
                .put("results", List.of())
                .put("changed", false)
                .items(List.of(item, labelled))
                .build("h", COMMAND);

        Map<String, Object> view = ResultView.forCallback(loop);

        assertThat(view).doesNotContainKey("_ansible_no_log");
        assertThat(view.get("results"))
                .isEqualTo(List.of(
                        Map.of(
                                "changed",
                                false,
                                "item",
                                1L,
                                "ansible_loop_var",
                                "item",
                                "failed",
                                false,
                                "_ansible_no_log",
                                false,
                                "_ansible_item_label",
                                1L),
                        Map.of(
                                "changed",
                                false,
                                "item",
                                2L,
                                "ansible_loop_var",
                                "item",
                                "_ansible_no_log",
                                false,
                                "_ansible_item_label",
                                "two")));
    }

    @Test
    void warningsTheEventPrintedAreLeftOutOfTheDumpAndOthersStay() {
        TaskResult result = TaskResult.builder()
                .put("changed", false)
                .warnings(List.of("careful"))
                .deprecations(List.of(new Deprecation("Old", null, "2024-12-01", "amazon.aws")))
                .build("h", COMMAND);

        assertThat(ResultView.of(result, 1, true)).containsOnlyKeys("changed");
        assertThat(ResultView.of(result, 1, false))
                .containsEntry("warnings", List.of("careful"))
                .containsKey("deprecations");
        assertThat(ResultView.forCallback(result)).containsEntry("warnings", List.of("careful"));
    }

    @Test
    void aCensoredResultLosesVerboseAlways() {
        TaskResult result = TaskResult.builder()
                .put("msg", "x")
                .verboseAlways(true)
                .noLog(true)
                .build("h", DEBUG);

        assertThat(ResultView.verboseAlways(result)).isFalse();
    }
}
