package dev.rolehop.engine.executor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hands what the workers of one task report to the strategy's thread in the order of the task's
 * hosts, so that a run prints the same output whatever order its workers finish in. The events of
 * the first host still awaited (its loop items, retries) reach the callback as they come; those of
 * later hosts wait for their turn, but only while something is happening: when nothing has come
 * for {@link #PATIENCE}, what is waiting goes out in the order it came, as Ansible prints results
 * as hosts finish, so one slow host does not hide the others. A worker that throws ends the task
 * at once.
 */
final class ResultRelay {

    /** How long the strategy waits for the first host in silence before it shows what is ready. */
    static final Duration PATIENCE = Duration.ofMillis(250);

    /** What a worker posts: an event of its host's run, its result, or what it threw. */
    private record Message(String host, Consumer<HostEvents> event, TaskResult result, Throwable thrown) {}

    private final HostEvents callback;
    private final List<String> order;
    private final Duration patience;
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    /** What has come and not gone out yet, in the order it came. */
    private final List<Message> waiting = new ArrayList<>();

    private final Set<String> done = new HashSet<>();
    /** Whether the first host kept silent too long: what is waiting goes out in the order it came. */
    private boolean releasing;

    /**
     * @param callback where events go, on the strategy's thread
     * @param order    the hosts the task runs on, in the order their results are handled
     * @param patience how long silence lasts before what is ready goes out out of order
     */
    ResultRelay(HostEvents callback, List<String> order, Duration patience) {
        this.callback = callback;
        this.order = List.copyOf(order);
        this.patience = patience;
    }

    /** The events of one host's run, to be reported from its worker. */
    HostEvents events(String host) {
        return new Reporter(host);
    }

    /** One host's run, for a worker: posts its result, or what it threw. */
    Runnable work(String host, Supplier<TaskResult> run) {
        return () -> {
            try {
                inbox.add(new Message(host, null, run.get(), null));
            } catch (Throwable thrown) {
                inbox.add(new Message(host, null, null, thrown));
            }
        };
    }

    /**
     * The next result to handle, after passing the events reported before it to the callback:
     * the first awaited host's, or, after a silence, whichever came first.
     */
    TaskResult next() {
        while (true) {
            Message message = deliverable();
            if (message == null) {
                Message arrived = poll();
                if (arrived == null) {
                    releasing = !waiting.isEmpty();
                } else if (arrived.thrown() != null) {
                    throw unchecked(arrived.thrown());
                } else {
                    waiting.add(arrived);
                }
            } else if (message.event() != null) {
                message.event().accept(callback);
            } else {
                done.add(message.host());
                return message.result();
            }
        }
    }

    /** The first waiting message that may go out now, taken from the waiting list; null if none. */
    private Message deliverable() {
        if (waiting.isEmpty()) {
            releasing = false;
            return null;
        }
        String first =
                order.stream().filter(host -> !done.contains(host)).findFirst().orElse(null);
        for (Message message : waiting) {
            if (releasing || message.host().equals(first)) {
                waiting.remove(message);
                return message;
            }
        }
        return null;
    }

    private static RuntimeException unchecked(Throwable thrown) {
        if (thrown instanceof RuntimeException runtime) {
            return runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(thrown);
    }

    /** The next message a worker posts, or null when none comes within the patience. */
    private Message poll() {
        try {
            return inbox.poll(patience.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Posts one host's events to the relay. */
    private final class Reporter implements HostEvents {

        private final String host;

        Reporter(String host) {
            this.host = host;
        }

        private void post(Consumer<HostEvents> event) {
            inbox.add(new Message(host, event, null, null));
        }

        @Override
        public void itemOk(TaskResult item) {
            post(c -> c.itemOk(item));
        }

        @Override
        public void itemFailed(TaskResult item) {
            post(c -> c.itemFailed(item));
        }

        @Override
        public void itemSkipped(TaskResult item) {
            post(c -> c.itemSkipped(item));
        }

        @Override
        public void retry(TaskResult attempt, String taskName, int retriesLeft) {
            post(c -> c.retry(attempt, taskName, retriesLeft));
        }

        @Override
        public void diff(TaskResult result) {
            post(c -> c.diff(result));
        }

        @Override
        public void log(String host, String message) {
            post(c -> c.log(host, message));
        }

        @Override
        public void asyncPoll(String host, Map<String, Object> status) {
            post(c -> c.asyncPoll(host, status));
        }

        @Override
        public void asyncDone(String host, String jid, boolean failed) {
            post(c -> c.asyncDone(host, jid, failed));
        }

        @Override
        public void display(String line) {
            post(c -> c.display(line));
        }
    }
}
