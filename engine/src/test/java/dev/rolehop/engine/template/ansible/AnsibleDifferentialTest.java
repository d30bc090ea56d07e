package dev.rolehop.engine.template.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import dev.rolehop.engine.template.jinja.AnsibleEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders every template of {@link DifferentialCases} with the real ansible-core 2.14 (its
 * Templar, through /usr/bin/python3) and with Jinjava plus {@link AnsiblePlugins}, and expects
 * the same text. Skipped where ansible-core 2.14 is not installed, except under {@code CI=true}.
 */
class AnsibleDifferentialTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Renders each case as text (a trailing literal keeps Ansible from converting types). */
    private static final String SCRIPT = """
      import json, sys
      import ansible.release
      from ansible.template import Templar
      from ansible.parsing.dataloader import DataLoader
      cases = json.load(open(sys.argv[1]))
      variables = json.load(open(sys.argv[2]))
      loader = DataLoader()
      loader.set_basedir(variables['playbook_dir'])
      templar = Templar(loader=loader, variables=variables)
      print(json.dumps(ansible.release.__version__))
      for case in cases:
          try:
              print(json.dumps(['ok', str(templar.template(case + '|'))[:-1]]))
          except Exception as e:
              print(json.dumps(['error', str(e)]))
      """;

    @TempDir
    static Path dir;

    private static Map<String, Object> variables(Path playbookDir) {
        return Fixtures.map(
                "l",
                List.of("a", "b"),
                "d",
                Fixtures.map("k", "v"),
                "t",
                true,
                "users",
                Fixtures.users().get("users"),
                "playbook_dir",
                playbookDir.toString(),
                "ml",
                "line1\nline2\n",
                "ml2",
                "a\n  b\nc",
                "tabbed",
                "a\tb",
                "trail",
                "x \n");
    }

    @TestFactory
    Stream<DynamicTest> everyCaseRendersAsAnsible214Renders() throws Exception {
        List<String> cases = DifferentialCases.all();
        Map<String, Object> vars = variables(dir);
        List<List<Object>> ansible = runAnsible(cases, vars);
        Jinjava jinjava = AnsibleEnvironment.create(System.getenv());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String template = cases.get(i);
            List<Object> expected = ansible.get(i);
            tests.add(DynamicTest.dynamicTest(template, () -> {
                assertThat(expected.get(0))
                        .as("Ansible's result: %s", expected.get(1))
                        .isEqualTo("ok");
                assertThat(render(jinjava, template, vars)).isEqualTo(expected.get(1));
            }));
        }
        return tests.stream();
    }

    private static String render(Jinjava jinjava, String template, Map<String, Object> vars) {
        RenderResult result = jinjava.renderForResult(template, vars);
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new AssertionError("rolehop failed: " + error.getMessage(), error.getException());
            }
        }
        return result.getOutput();
    }

    /** Runs Ansible's Templar on the cases; skips (or fails under CI) without ansible-core 2.14. */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> runAnsible(List<String> cases, Map<String, Object> vars)
            throws IOException, InterruptedException {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean present = Files.isExecutable(PYTHON);
        if (ci) {
            assertThat(present)
                    .as("CI=true needs %s with ansible-core 2.14", PYTHON)
                    .isTrue();
        }
        assumeTrue(present, "no " + PYTHON);
        JsonDumper json = new JsonDumper(-1, false, ", ", ": ", false);
        Path script = Files.writeString(dir.resolve("render.py"), SCRIPT);
        Path casesFile = Files.writeString(dir.resolve("cases.json"), json.dump(cases));
        Path varsFile = Files.writeString(dir.resolve("vars.json"), json.dump(vars));
        Process process = new ProcessBuilder(
                        PYTHON.toString(), script.toString(), casesFile.toString(), varsFile.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        boolean ansibleRan = finished && process.exitValue() == 0 && !lines.isEmpty();
        if (ci) {
            assertThat(ansibleRan)
                    .as("CI=true needs ansible-core importable by %s", PYTHON)
                    .isTrue();
        }
        assumeTrue(ansibleRan, "ansible-core is not importable by " + PYTHON);
        String version = (String) JsonLoader.load(lines.get(0));
        assumeTrue(version.startsWith("2.14."), "the reference is ansible-core 2.14, found " + version);
        List<List<Object>> results = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            results.add((List<Object>) JsonLoader.load(line));
        }
        assertThat(results).hasSameSizeAs(cases);
        return results;
    }
}
