package dev.rolehop.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.error.Position;
import dev.rolehop.engine.module.Deprecation;
import dev.rolehop.engine.playbook.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegisteredTest {

    private static final Task COMMAND =
            new Task(null, Map.of(), new Position("t.yml", 1, 1), "command", Map.of(), false);

    private static TaskResult.Builder commandResult(String stdout) {
        return TaskResult.builder()
                .put("changed", true)
                .put("stdout", stdout)
                .put("invocation", Map.of("module_args", Map.of("_raw_params", "echo " + stdout)))
                .put("failed", false);
    }

    @Test
    void registerKeepsTheReturnValuesInOrderWithoutTheTopLevelInvocation() {
        TaskResult result = commandResult("hi").build("h", COMMAND);

        assertThat(Registered.of(result))
                .containsExactly(Map.entry("changed", true), Map.entry("stdout", "hi"), Map.entry("failed", false));
    }

    @Test
    void displayHintsAndNoLogAreNeverRegistered() {
        TaskResult result = commandResult("hi")
                .noLog(true)
                .verboseAlways(true)
                .label("x")
                .meta("noop")
                .build("h", COMMAND);

        assertThat(Registered.of(result)).containsOnlyKeys("changed", "stdout", "failed");
    }

    @Test
    void aLoopRegistersEachItemsDictWithItsInvocationUnderResults() {
        TaskResult a = commandResult("a")
                .put("item", "a")
                .put("ansible_loop_var", "item")
                .label("A")
                .build("h", COMMAND);
        TaskResult b = commandResult("b")
                .put("item", "b")
                .put("ansible_loop_var", "item")
                .build("h", COMMAND);
        TaskResult loop = LoopItems.aggregate(List.of(a, b)).build("h", COMMAND);

        Map<String, Object> registered = Registered.of(loop);

        assertThat(registered).containsOnlyKeys("results", "skipped", "changed", "msg");
        assertThat(registered.keySet()).containsExactly("results", "skipped", "changed", "msg");
        assertThat((List<?>) registered.get("results"))
                .hasSize(2)
                .first()
                .isEqualTo(map(
                        "changed",
                        true,
                        "stdout",
                        "a",
                        "invocation",
                        Map.of("module_args", Map.of("_raw_params", "echo a")),
                        "failed",
                        false,
                        "item",
                        "a",
                        "ansible_loop_var",
                        "item"));
        assertThat(registered.get("msg")).isEqualTo("All items completed");
    }

    @Test
    void warningsAndDeprecationsFollowTheReturnValues() {
        TaskResult result = commandResult("hi")
                .warnings(List.of("careful"))
                .deprecations(List.of(new Deprecation("Old", null, "2024-12-01", "amazon.aws")))
                .build("h", COMMAND);

        Map<String, Object> registered = Registered.of(result);

        assertThat(registered.keySet()).containsExactly("changed", "stdout", "failed", "warnings", "deprecations");
        assertThat(registered.get("warnings")).isEqualTo(List.of("careful"));
        assertThat(registered.get("deprecations"))
                .isEqualTo(List.of(map("msg", "Old", "date", "2024-12-01", "collection_name", "amazon.aws")));
    }

    @Test
    void aDeprecationWithoutDateRecordsItsVersion() {
        assertThat(new Deprecation("Old", "2.0.0", null, "amazon.aws").asDict())
                .containsExactly(
                        Map.entry("msg", "Old"),
                        Map.entry("version", "2.0.0"),
                        Map.entry("collection_name", "amazon.aws"));
    }

    @Test
    void theItemsWarningsAreGatheredInTheLoopsResultNotLeftInTheItems() {
        TaskResult a = commandResult("a").warnings(List.of("first")).build("h", COMMAND);
        TaskResult b = commandResult("b").warnings(List.of("second")).build("h", COMMAND);
        TaskResult loop = LoopItems.aggregate(List.of(a, b)).build("h", COMMAND);

        Map<String, Object> registered = Registered.of(loop);

        assertThat(registered.get("warnings")).isEqualTo(List.of("first", "second"));
        assertThat((List<?>) registered.get("results"))
                .allSatisfy(item ->
                        assertThat(((Map<?, ?>) item).containsKey("warnings")).isFalse());
    }

    @Test
    void internalKeysInNestedValuesAreStrippedAtEveryDepth() {
        TaskResult result = TaskResult.builder()
                .put("changed", false)
                .put("data", map("keep", 1, "_ansible_no_log", false, "list", List.of(map("_ansible_x", 1, "y", 2))))
                .build("h", COMMAND);

        assertThat(Registered.of(result).get("data")).isEqualTo(map("keep", 1, "list", List.of(Map.of("y", 2))));
    }

    @Test
    void aLoopWithAFailedItemFailsWithAnsiblesMessage() {
        TaskResult ok = commandResult("a").build("h", COMMAND);
        TaskResult failed = TaskResult.builder()
                .put("changed", false)
                .put("msg", "boom")
                .put("failed", true)
                .build("h", COMMAND);

        TaskResult loop = LoopItems.aggregate(List.of(ok, failed)).build("h", COMMAND);

        assertThat(loop.status()).isEqualTo(TaskResult.Status.FAILED);
        assertThat(Registered.of(loop))
                .containsEntry("msg", "One or more items failed")
                .containsEntry("changed", true);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
