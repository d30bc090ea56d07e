package dev.rolehop.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.error.Position;
import dev.rolehop.engine.playbook.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResultRelayTest {

    private static final Task TASK = new Task(null, Map.of(), new Position("t.yml", 1, 1), "debug", Map.of(), false);
    private static final Duration LONG = Duration.ofSeconds(30);

    /** What reached the callback, in order: item events as "item:HOST:VALUE". */
    private final List<String> seen = new ArrayList<>();

    private static TaskResult result(String host) {
        return TaskResult.of(host, TASK, Map.of("host", host));
    }

    private static TaskResult item(String host, String value) {
        return TaskResult.of(host, TASK, Map.of("item", value));
    }

    private HostEvents recorder() {
        return new HostEvents() {
            @Override
            public void itemOk(TaskResult item) {
                seen.add("item:" + item.host() + ":" + item.get("item"));
            }

            @Override
            public void itemFailed(TaskResult item) {}

            @Override
            public void itemSkipped(TaskResult item) {}

            @Override
            public void retry(TaskResult attempt, String taskName, int retriesLeft) {}

            @Override
            public void diff(TaskResult result) {}

            @Override
            public void log(String host, String message) {}

            @Override
            public void asyncPoll(String host, java.util.Map<String, Object> status) {}

            @Override
            public void asyncDone(String host, String jid, boolean failed) {}

            @Override
            public void display(String line) {}
        };
    }

    @Test
    void resultsComeInHostOrderWhateverOrderTheWorkersFinishIn() {
        ResultRelay relay = new ResultRelay(recorder(), List.of("a", "b", "c"), LONG);
        relay.work("c", () -> result("c")).run();
        relay.work("b", () -> result("b")).run();
        relay.work("a", () -> result("a")).run();

        assertThat(List.of(
                        relay.next().host(), relay.next().host(), relay.next().host()))
                .containsExactly("a", "b", "c");
    }

    @Test
    void aLaterHostsEventsWaitForItsTurnAndTheFirstHostsPassAtOnce() {
        ResultRelay relay = new ResultRelay(recorder(), List.of("a", "b"), LONG);
        relay.events("b").itemOk(item("b", "1"));
        relay.work("b", () -> result("b")).run();
        relay.events("a").itemOk(item("a", "1"));
        relay.events("a").itemOk(item("a", "2"));
        relay.work("a", () -> result("a")).run();

        assertThat(relay.next().host()).isEqualTo("a");
        assertThat(seen).containsExactly("item:a:1", "item:a:2");
        assertThat(relay.next().host()).isEqualTo("b");
        assertThat(seen).containsExactly("item:a:1", "item:a:2", "item:b:1");
    }

    @Test
    void whenTheFirstHostKeepsSilentWhatIsReadyGoesOutInTheOrderItCame() throws InterruptedException {
        ResultRelay relay = new ResultRelay(recorder(), List.of("slow", "fast"), Duration.ofMillis(20));
        CountDownLatch fastHandled = new CountDownLatch(1);
        Thread slow = new Thread(relay.work("slow", () -> {
            await(fastHandled);
            return result("slow");
        }));
        slow.start();
        relay.work("fast", () -> result("fast")).run();

        assertThat(relay.next().host()).isEqualTo("fast");
        fastHandled.countDown();
        assertThat(relay.next().host()).isEqualTo("slow");
        slow.join();
    }

    @Test
    void aWorkerThatThrowsEndsTheTaskAtOnce() {
        ResultRelay relay = new ResultRelay(recorder(), List.of("a", "b"), LONG);
        relay.work("b", () -> {
                    throw new IllegalArgumentException("broken on b");
                })
                .run();

        assertThatThrownBy(relay::next)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("broken on b");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
