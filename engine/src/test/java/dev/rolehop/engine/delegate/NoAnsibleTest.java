package dev.rolehop.engine.delegate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without Python or ansible-core, a module that is not built in fails its task saying what to install. */
class NoAnsibleTest {

    @TempDir
    Path dir;

    private static final AnsibleInstallation.Probe NONE = new AnsibleInstallation.Probe(
            null, List.of("/usr/bin/python3: ModuleNotFoundError: No module named 'ansible'"));

    @Test
    void aLibraryModuleIsFoundButCannotRunAndTheTaskSaysWhatToInstall() throws IOException {
        Files.createDirectories(dir.resolve("library"));
        Files.writeString(dir.resolve("library/mine.py"), "#!/usr/bin/python\n");
        try (DelegatedModules modules = new DelegatedModules(
                Map.of("HOME", dir.toString()), PluginRouting.Events.NONE, List.of(), () -> NONE)) {
            modules.addPluginDirs(dir);

            Module mine = modules.find("mine").orElseThrow();
            ModuleResult result = mine.run(new ModuleArgs(Map.of()), new Context());

            assertThat(result.failed()).isTrue();
            assertThat(result.msg())
                    .startsWith("rolehop cannot run the module mine (" + dir.resolve("library/mine.py") + "): ")
                    .contains("no Python with ansible-core was found (tried /usr/bin/python3: ModuleNotFoundError: "
                            + "No module named 'ansible')")
                    .contains("apt install ansible-core")
                    .contains("python3 -m pip install ansible-core");
            assertThat(modules.find("lineinfile")).isEmpty();
            assertThat(modules.whyMissing("lineinfile"))
                    .contains("'lineinfile' is a module of ansible-core, which rolehop does not build in.");
        }
    }

    /** The least a module needs of its task. */
    private static final class Context implements ModuleContext {
        @Override
        public boolean checkMode() {
            return false;
        }

        @Override
        public boolean diffMode() {
            return false;
        }

        @Override
        public int verbosity() {
            return 0;
        }

        @Override
        public Map<String, String> environment() {
            return Map.of();
        }

        @Override
        public Path playbookDir() {
            return Path.of(".");
        }

        @Override
        public String hostName() {
            return "localhost";
        }

        @Override
        public void markSecret(String value) {}

        @Override
        public void log(int minVerbosity, String message) {}

        @Override
        public Optional<String> prompt(String prompt, boolean hidden) {
            return Optional.empty();
        }
    }
}
