package dev.rolehop.engine.delegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The ansible-core installed on this machine (Debian's, with its bundled collections), which the
 * delegation tests run against; required in CI, else those tests are skipped.
 */
final class Installed {

    /** A plain environment whose python3 is the system's. */
    static final Map<String, String> ENV = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", "/nonexistent-home");

    private static AnsibleInstallation.Probe probe;

    private Installed() {}

    static synchronized AnsibleInstallation.Probe probe() {
        if (probe == null) {
            probe = AnsibleInstallation.probe(ENV);
        }
        return probe;
    }

    /** Skips the test when ansible-core is not installed (fails in CI, which installs it). */
    static AnsibleInstallation require() {
        AnsibleInstallation.Probe found = probe();
        if ("true".equals(System.getenv("CI"))) {
            assertThat(found.installation()).as(found.tried().toString()).isNotNull();
        }
        Assumptions.assumeTrue(found.installation() != null, "ansible-core is not installed: " + found.tried());
        return found.installation();
    }
}
