package dev.rolehop.engine.delegate;

import dev.rolehop.python.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Python process that runs a run's delegated modules ({@code module_worker.py}): started once,
 * it imports ansible-core's module_utils and forks a child per module invocation. Requests and
 * responses are JSON lines on its stdin and stdout; several may be in flight (one per host).
 */
final class ModuleWorker implements AutoCloseable {

    /** How long the worker may take to import ansible-core and say it is ready. */
    private static final long READY_SECONDS = 60;

    /** What one module run returned. */
    record Response(int rc, Map<String, Object> data, List<String> warnings, String stdout, String stderr) {
        boolean parsed() {
            return data != null;
        }
    }

    /** The worker could not run a module (it could not start, or it died). */
    static final class WorkerException extends Exception {
        private static final long serialVersionUID = 1L;

        WorkerException(String message) {
            super(message, null, false, false);
        }
    }

    private final Process process;
    private final OutputStream input;
    private final Path scratch;
    private volatile boolean ownsScratch;
    private final Map<Long, CompletableFuture<Map<?, ?>>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Map<?, ?>> probe = new CompletableFuture<>();
    private final CompletableFuture<Map<?, ?>> ready = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private final StringBuilder stderrTail = new StringBuilder();
    private final String python;
    private volatile String death;
    private volatile Map<?, ?> hello = Map.of();
    private boolean configured;

    private ModuleWorker(Process process, Path scratch, boolean ownsScratch, String python) {
        this.process = process;
        this.input = process.getOutputStream();
        this.scratch = scratch;
        this.ownsScratch = ownsScratch;
        this.python = python;
    }

    /** A new folder holding {@code module_worker.py}, for one or more workers to run from. */
    static Path scratch() throws WorkerException {
        try {
            Path scratch = Files.createTempDirectory("rolehop-modules-");
            try (InputStream in = ModuleWorker.class.getResourceAsStream("module_worker.py")) {
                if (in == null) {
                    throw new WorkerException("rolehop's module_worker.py is missing from its jar");
                }
                Files.write(scratch.resolve("module_worker.py"), in.readAllBytes());
            }
            return scratch;
        } catch (IOException e) {
            throw new WorkerException("cannot write the module worker to a temporary folder: " + e.getMessage());
        }
    }

    /**
     * Starts a worker process; it says what it is ({@link #probe}) before it is configured.
     *
     * @param python      the interpreter
     * @param environment the environment it starts with (each module gets its task's)
     * @param scratch     the folder of {@link #scratch()}
     * @param ownsScratch whether closing this worker removes the folder
     * @param sysPath     folders the interpreter adds to its sys.path (ansible-core's, for another Python)
     */
    static ModuleWorker launch(
            String python, Map<String, String> environment, Path scratch, boolean ownsScratch, List<String> sysPath)
            throws WorkerException {
        List<String> command = new java.util.ArrayList<>(
                List.of(python, "-u", scratch.resolve("module_worker.py").toString()));
        command.addAll(sysPath);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new WorkerException("cannot start " + python + " (" + e.getMessage() + ")");
        }
        ModuleWorker worker = new ModuleWorker(process, scratch, ownsScratch, python);
        Thread reader = new Thread(worker::readResponses, "rolehop-module-worker");
        reader.setDaemon(true);
        reader.start();
        Thread errors = new Thread(worker::drainStderr, "rolehop-module-worker-stderr");
        errors.setDaemon(true);
        errors.start();
        return worker;
    }

    /**
     * Starts, configures and waits for a worker (for an interpreter other than the one found with
     * ansible-core).
     *
     * @throws WorkerException with why, when it does not come up
     */
    static ModuleWorker start(
            String python, Map<String, String> environment, Map<String, Object> config, List<String> sysPath)
            throws WorkerException {
        Path scratch = scratch();
        ModuleWorker worker;
        try {
            worker = launch(python, environment, scratch, true, sysPath);
        } catch (WorkerException e) {
            deleteQuietly(scratch);
            throw e;
        }
        try {
            Map<?, ?> answer = worker.probe();
            if (answer.get("error") != null) {
                throw new WorkerException(python + " cannot import ansible-core: " + answer.get("error"));
            }
            worker.configure(config);
            worker.awaitReady();
            return worker;
        } catch (WorkerException e) {
            worker.close();
            throw e;
        }
    }

    /** The interpreter this worker runs. */
    String python() {
        return python;
    }

    /**
     * What the worker says it is: {@code executable}, {@code python_version}, and {@code ansible},
     * {@code version}, {@code roots} when it imported ansible-core, else {@code error}.
     *
     * @throws WorkerException when it says nothing (it could not start, or took too long)
     */
    Map<?, ?> probe() throws WorkerException {
        try {
            return probe.get(READY_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new WorkerException("exit " + exitCode() + why());
        } catch (TimeoutException e) {
            throw new WorkerException("did not answer within " + READY_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("interrupted");
        }
    }

    private String exitCode() {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.isAlive() ? "(running)" : String.valueOf(process.exitValue());
    }

    /** Sends the worker its configuration (once); it then loads ansible-core's module_utils. */
    synchronized void configure(Map<String, Object> config) {
        if (configured) {
            return;
        }
        configured = true;
        try {
            write(config);
        } catch (IOException e) {
            // the worker is gone: awaitReady says so
        }
    }

    /** Waits until the worker has loaded ansible-core's module_utils. */
    void awaitReady() throws WorkerException {
        Map<?, ?> answer;
        try {
            answer = ready.get(READY_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new WorkerException(python + " could not start rolehop's module worker: " + death);
        } catch (TimeoutException e) {
            throw new WorkerException(python + " did not load ansible-core within " + READY_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("interrupted while starting the module worker");
        }
        if (answer.get("fatal") != null) {
            throw new WorkerException(String.valueOf(answer.get("fatal")));
        }
        hello = answer;
    }

    /** The interpreter's and ansible-core's versions, as the worker reported them. */
    String ansibleVersion() {
        return String.valueOf(hello.get("ansible"));
    }

    /**
     * Runs one module and waits for it.
     *
     * @param request the request, without {@code op} and {@code id}
     * @throws WorkerException when the worker cannot run it
     * @throws InterruptedException when the waiting thread is interrupted (the module is killed)
     */
    Response run(Map<String, Object> request) throws WorkerException, InterruptedException {
        long id = ids.incrementAndGet();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("op", "run");
        message.put("id", id);
        message.put("scratch", scratch.toString());
        message.putAll(request);
        CompletableFuture<Map<?, ?>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            if (death != null) {
                throw new WorkerException(death);
            }
            write(message);
            Map<?, ?> response = answer.get();
            if (response.get("error") != null) {
                throw new WorkerException("the module worker could not run the module: " + response.get("error"));
            }
            return toResponse(response);
        } catch (IOException e) {
            throw new WorkerException("the module worker is gone: " + why());
        } catch (ExecutionException e) {
            throw new WorkerException(e.getCause().getMessage());
        } catch (InterruptedException e) {
            kill(id);
            throw e;
        } finally {
            pending.remove(id);
        }
    }

    /**
     * Asks the worker to import, ahead of the module's first run, the module_utils its source
     * imports; answers nothing and waits for nothing.
     */
    void prepare(Map<String, Object> request) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("op", "prepare");
        message.putAll(request);
        try {
            write(message);
        } catch (IOException e) {
            // the worker is gone: the module's run will say so
        }
    }

    @SuppressWarnings("unchecked")
    private static Response toResponse(Map<?, ?> response) {
        int rc = response.get("rc") instanceof Number n ? n.intValue() : -1;
        if (response.get("data") instanceof Map<?, ?> data) {
            List<String> warnings = response.get("warnings") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : List.of();
            return new Response(rc, (Map<String, Object>) data, warnings, null, null);
        }
        return new Response(rc, null, List.of(), text(response.get("stdout")), text(response.get("stderr")));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private void kill(long id) {
        try {
            write(Map.of("op", "kill", "id", id));
        } catch (IOException e) {
            // the worker is gone: so is the module
        }
    }

    private synchronized void write(Map<String, Object> message) throws IOException {
        input.write((Json.dumps(message) + "\n").getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    private void readResponses() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Map<?, ?> response;
                try {
                    response = (Map<?, ?>) Json.loads(line);
                } catch (RuntimeException e) {
                    continue;
                }
                if (response.get("probe") instanceof Map<?, ?> said) {
                    probe.complete(said);
                    continue;
                }
                if (response.containsKey("ready") || response.containsKey("fatal")) {
                    ready.complete(response);
                    continue;
                }
                long id = response.get("id") instanceof Number n ? n.longValue() : -1L;
                CompletableFuture<Map<?, ?>> waiting = pending.get(id);
                if (waiting != null) {
                    waiting.complete(response);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the process ended
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        death = "the module worker (" + python + ") ended"
                + (process.isAlive() ? "" : " with exit code " + process.exitValue()) + why();
        pending.values().forEach(waiting -> waiting.completeExceptionally(new IllegalStateException(death)));
        probe.completeExceptionally(new IllegalStateException(death));
        ready.completeExceptionally(new IllegalStateException(death));
    }

    private void drainStderr() {
        try (InputStream err = process.getErrorStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = err.read(buffer)) > 0) {
                synchronized (stderrTail) {
                    stderrTail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (stderrTail.length() > 8192) {
                        stderrTail.delete(0, stderrTail.length() - 8192);
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** The end of what the worker wrote on stderr, for a message. */
    private String why() {
        synchronized (stderrTail) {
            String text = stderrTail.toString().strip();
            return text.isEmpty() ? "" : ": " + text;
        }
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException e) {
            // already closed
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (ownsScratch) {
            deleteQuietly(scratch);
        }
    }

    /** Makes this worker the owner of its scratch folder (removed when it closes). */
    void adoptScratch() {
        ownsScratch = true;
    }

    /** Ends a worker that was not chosen: its process only. */
    void discard() {
        process.destroyForcibly();
    }

    /** Removes a scratch folder no worker owns. */
    static void deleteScratch(Path dir) {
        deleteQuietly(dir);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            });
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
