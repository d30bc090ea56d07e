package dev.rolehop.engine.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncStatusModuleTest {

    @TempDir
    Path dir;

    @Test
    void aStartedJobIsRunning() {
        AsyncJobFile file = new AsyncJobFile(dir, "j1.2");
        file.write(Map.of("started", 1, "finished", 0, "ansible_job_id", "j1.2"));
        Map<String, Object> status = AsyncStatusModule.status(file);
        assertThat(status).containsEntry("started", 1L).containsEntry("finished", 0L);
        assertThat(status).containsEntry("results_file", dir.resolve("j1.2").toString());
        assertThat(status).doesNotContainKey("failed");
    }

    @Test
    void aResultWithoutStartedIsAFinishedJobWithItsOutputSplitIntoLines() throws Exception {
        // What Ansible's async_wrapper leaves once the module has run.
        Files.writeString(dir.resolve("j1.2"), "{\"changed\": true, \"rc\": 0, \"stdout\": \"a\\nb\"}");
        Map<String, Object> status = AsyncStatusModule.status(new AsyncJobFile(dir, "j1.2"));
        assertThat(status)
                .containsEntry("finished", 1)
                .containsEntry("ansible_job_id", "j1.2")
                .containsEntry("changed", true)
                .containsEntry("stdout_lines", List.of("a", "b"));
    }

    @Test
    void anUnknownJobFails() {
        Map<String, Object> status = AsyncStatusModule.status(new AsyncJobFile(dir, "nope"));
        assertThat(status).containsEntry("failed", true).containsEntry("msg", "could not find job");
    }

    @Test
    void cleanupRemovesTheFile() {
        AsyncJobFile file = new AsyncJobFile(dir, "j1.2");
        file.write(Map.of("started", 1));
        Map<String, Object> erased = AsyncStatusModule.cleanup(file);
        assertThat(erased).containsEntry("erased", file.path().toString()).doesNotContainKey("failed");
        assertThat(file.exists()).isFalse();
    }
}
