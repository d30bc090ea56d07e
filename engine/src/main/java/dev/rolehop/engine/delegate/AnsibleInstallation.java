package dev.rolehop.engine.delegate;

import dev.rolehop.python.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The installed ansible-core that delegated modules run with, as a Python interpreter that can
 * {@code import ansible} reports it.
 *
 * @param python        the interpreter, as rolehop runs it
 * @param executable    Python's {@code sys.executable}
 * @param pythonVersion Python's version ({@code 3.11.2})
 * @param ansibleDir    the folder of the {@code ansible} package ({@code .../dist-packages/ansible})
 * @param version       ansible-core's version ({@code 2.14.18})
 * @param sysPathRoots  the entries of Python's {@code sys.path} that hold an {@code ansible_collections}
 *                      folder (Debian's {@code ansible} package bundles its collections there), in order
 */
public record AnsibleInstallation(
        String python,
        String executable,
        String pythonVersion,
        Path ansibleDir,
        String version,
        List<Path> sysPathRoots) {

    /** How long one interpreter may take to answer (a cold start of a shim can be slow). */
    private static final long PROBE_SECONDS = 30;

    private static final String PROBE = String.join(
            "\n",
            "import json, os, sys",
            "out = {'executable': sys.executable, 'python_version': sys.version.split()[0]}",
            "try:",
            "    import ansible, ansible.release",
            "    out['ansible'] = os.path.dirname(os.path.abspath(ansible.__file__))",
            "    out['version'] = ansible.release.__version__",
            "except Exception as e:",
            "    out['error'] = '%s: %s' % (type(e).__name__, e)",
            "out['roots'] = [os.path.abspath(p or '.') for p in sys.path"
                    + " if os.path.isdir(os.path.join(p or '.', 'ansible_collections'))]",
            "sys.stdout.write(json.dumps(out))");

    public AnsibleInstallation {
        sysPathRoots = List.copyOf(sysPathRoots);
    }

    /** The ansible-core modules folder ({@code ansible/modules}). */
    public Path modulesDir() {
        return ansibleDir.resolve("modules");
    }

    /** ansible-core's routing file, {@code ansible/config/ansible_builtin_runtime.yml}. */
    public Path builtinRuntime() {
        return ansibleDir.resolve("config/ansible_builtin_runtime.yml");
    }

    /** The folder holding the {@code ansible} package (what a foreign interpreter adds to sys.path). */
    public Path sitePackages() {
        return ansibleDir.getParent();
    }

    /**
     * What looking for an installation found: the installation, or what each interpreter tried said.
     *
     * @param installation the installation, or {@code null}
     * @param tried        each interpreter tried and why it did not do (empty when the first did)
     */
    public record Probe(AnsibleInstallation installation, List<String> tried) {

        public Optional<AnsibleInstallation> found() {
            return Optional.ofNullable(installation);
        }

        /** Why no installation was found, and how to install one. */
        public String explanation() {
            return "no Python with ansible-core was found (tried " + String.join("; ", tried)
                    + "). rolehop runs the modules it does not build in with Ansible's own module code: install "
                    + "ansible-core 2.14 or later for Python 3 (Debian/Ubuntu: 'apt install ansible-core' or "
                    + "'apt install ansible'; elsewhere: 'python3 -m pip install ansible-core')";
        }
    }

    /**
     * Looks for ansible-core: asks the interpreter of {@code ansible-playbook} on the PATH (its
     * {@code #!} line: the Ansible the user runs), {@code python3} on the PATH, then
     * {@code /usr/bin/python3} to {@code import ansible}; the first that can is the installation.
     *
     * @param environment the run's environment (PATH, PYTHONPATH)
     */
    public static Probe probe(Map<String, String> environment) {
        List<String> tried = new ArrayList<>();
        List<String> pythons = candidates(environment);
        // All are asked at once (a pyenv shim takes a second to answer); the first in order that can import ansible
        // wins.
        List<Asking> asked = new ArrayList<>();
        for (String python : pythons) {
            asked.add(new Asking(python, environment));
        }
        try {
            for (Asking asking : asked) {
                String outcome;
                try {
                    Map<?, ?> answer = asking.answer();
                    AnsibleInstallation found = of(asking.python, answer);
                    if (found != null) {
                        return new Probe(found, tried);
                    }
                    outcome = String.valueOf(answer.get("error"));
                } catch (IOException e) {
                    outcome = e.getMessage();
                }
                tried.add(asking.python + ": " + outcome);
            }
        } finally {
            asked.forEach(Asking::close);
        }
        if (tried.isEmpty()) {
            tried.add("no python3 on the PATH and no /usr/bin/python3");
        }
        return new Probe(null, tried);
    }

    /**
     * The installation an interpreter's answer describes ({@code ansible}, {@code version},
     * {@code roots}, {@code executable}, {@code python_version}), or {@code null} when it could not
     * import ansible ({@code error}).
     */
    static AnsibleInstallation of(String python, Map<?, ?> answer) {
        if (!(answer.get("ansible") instanceof String dir) || !(answer.get("version") instanceof String version)) {
            return null;
        }
        List<Path> roots = new ArrayList<>();
        if (answer.get("roots") instanceof List<?> list) {
            list.forEach(root -> roots.add(Path.of(String.valueOf(root))));
        }
        return new AnsibleInstallation(
                python,
                String.valueOf(answer.get("executable")),
                String.valueOf(answer.get("python_version")),
                Path.of(dir),
                version,
                roots);
    }

    /** The interpreters to ask, in order, each once. */
    static List<String> candidates(Map<String, String> environment) {
        Set<String> out = new LinkedHashSet<>();
        Path playbook = onPath("ansible-playbook", environment);
        if (playbook != null) {
            String interpreter = shebang(playbook);
            if (interpreter != null) {
                out.add(interpreter);
            }
        }
        Path python3 = onPath("python3", environment);
        if (python3 != null) {
            out.add(python3.toString());
        }
        if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
            out.add("/usr/bin/python3");
        }
        return new ArrayList<>(out);
    }

    /** The interpreter of a script's {@code #!} line, when it is a Python on a path of its own. */
    private static String shebang(Path script) {
        try (InputStream in = Files.newInputStream(script)) {
            byte[] head = in.readNBytes(256);
            String first = new String(head, StandardCharsets.UTF_8).split("\n", 2)[0];
            if (!first.startsWith("#!")) {
                return null;
            }
            String[] words = first.substring(2).strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                return null;
            }
            if (words[0].endsWith("/env") && words.length > 1) {
                return words[1].contains("python") ? words[1] : null;
            }
            return words[0].contains("python") ? words[0] : null;
        } catch (IOException e) {
            return null;
        }
    }

    static Path onPath(String command, Map<String, String> environment) {
        String path = environment.get("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** One interpreter being asked, its answer in temporary files. */
    private static final class Asking implements AutoCloseable {
        private final String python;
        private Path out;
        private Path err;
        private Process process;
        private IOException failure;

        Asking(String python, Map<String, String> environment) {
            this.python = python;
            try {
                out = Files.createTempFile("rolehop-probe", ".out");
                err = Files.createTempFile("rolehop-probe", ".err");
                ProcessBuilder builder = new ProcessBuilder(python, "-c", PROBE)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                builder.environment().clear();
                builder.environment().putAll(environment);
                process = builder.start();
            } catch (IOException e) {
                failure = new IOException("cannot be started (" + e.getMessage() + ")", e);
            }
        }

        Map<?, ?> answer() throws IOException {
            if (failure != null) {
                throw failure;
            }
            try {
                if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                    throw new IOException("did not answer within " + PROBE_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0 || !text.startsWith("{")) {
                String why = Files.readString(err, StandardCharsets.UTF_8).strip();
                String[] lines = why.split("\n");
                throw new IOException(
                        "exit " + process.exitValue() + (why.isEmpty() ? "" : " (" + lines[lines.length - 1] + ")"));
            }
            try {
                return (Map<?, ?>) Json.loads(text);
            } catch (RuntimeException e) {
                throw new IOException("answered something that is not JSON (" + e.getMessage() + ")", e);
            }
        }

        @Override
        public void close() {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            try {
                if (out != null) {
                    Files.deleteIfExists(out);
                }
                if (err != null) {
                    Files.deleteIfExists(err);
                }
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }
}
