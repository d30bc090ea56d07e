package dev.rolehop.engine.executor;

import dev.rolehop.engine.builtin.AsyncJobFile;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The async jobs of one run ({@code async: N}): each runs on a thread of its own and keeps its
 * state in an {@link AsyncJobFile}, as Ansible's {@code async_wrapper} does, so {@code async_status}
 * reads it as Ansible's would. A job still running when its {@code N} seconds are used up is killed
 * as the wrapper's watchdog kills it ({@link #killedAfter}; its thread is interrupted, which kills
 * a command's process) and its file says {@code "Timeout exceeded"}, as the watchdog writes it. Unlike Ansible's daemonized jobs, a job does not outlive
 * the run: {@link #endRun()} kills those still running and leaves their files unfinished.
 */
final class AsyncJobs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<Job> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rolehop-async-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Starts {@code work} as a job that may run {@code seconds}, its file in {@code dir}; returns
     * once the file says the job started.
     *
     * @param work the module's run, returning the result the file keeps when it ends
     */
    AsyncJobFile start(Path dir, long seconds, Supplier<Map<String, Object>> work) {
        // Ansible's job id: the action's random number, then the wrapper's process id.
        String jid = "j" + RANDOM.nextLong(1_000_000_000_000L) + "."
                + ProcessHandle.current().pid();
        AsyncJobFile file = new AsyncJobFile(dir, jid);
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("started", 1);
        started.put("finished", 0);
        started.put("ansible_job_id", jid);
        file.write(started);
        Job job = new Job(file);
        Thread thread = new Thread(
                () -> {
                    try {
                        job.finish(work.get());
                    } catch (RuntimeException e) {
                        job.finish(Map.of("failed", true, "msg", String.valueOf(e.getMessage())));
                    } finally {
                        running.remove(job);
                    }
                },
                "rolehop-async-" + jid);
        thread.setDaemon(true);
        job.thread = thread;
        running.add(job);
        thread.start();
        watchdog.schedule(() -> job.kill(timeout()), killedAfter(seconds), TimeUnit.SECONDS);
        return file;
    }

    /**
     * When the wrapper's watchdog kills a job that may run {@code seconds}: it looks first after
     * 5 seconds, then every 5 seconds, and kills once the time is used up, so always after a task
     * polling the job has given up on it.
     */
    static long killedAfter(long seconds) {
        return 5 + 5 * ((seconds + 4) / 5);
    }

    /** Kills the jobs still running: they end with the run that started them. */
    void endRun() {
        watchdog.shutdownNow();
        for (Job job : running) {
            job.kill(null);
        }
    }

    /** What the wrapper's watchdog writes for a job it kills. */
    private static Map<String, Object> timeout() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("msg", "Timeout exceeded");
        state.put("failed", true);
        return state;
    }

    /** One job: whichever comes first, its own end or its kill, writes its final state. */
    private static final class Job {

        private final AsyncJobFile file;
        private Thread thread;
        private boolean ended;

        Job(AsyncJobFile file) {
            this.file = file;
        }

        /** Writes the job's result, unless it was killed first. */
        synchronized void finish(Map<String, Object> result) {
            if (!ended) {
                ended = true;
                file.write(result);
            }
        }

        /** Kills the job if it still runs, writing {@code state} first (none: the file stays as it is). */
        synchronized void kill(Map<String, Object> state) {
            if (ended) {
                return;
            }
            ended = true;
            if (state != null) {
                file.write(state);
            }
            thread.interrupt();
        }
    }
}
