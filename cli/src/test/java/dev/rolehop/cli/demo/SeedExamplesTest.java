package dev.rolehop.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.local.DemoWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed folder shows users the same AWS config that the demo world runs with. */
class SeedExamplesTest {

    private static final Path SEED = Path.of("..", "examples", "seed");

    @Test
    void seedConfigIsTheDemoWorldsConfig(@TempDir Path dir) throws IOException {
        DemoWorld.write(dir);

        assertThat(SEED.resolve("aws/config")).hasContent(Files.readString(dir.resolve("aws/config")));
    }

    @Test
    void seedVarsNameTheDemoWorldsRoleAndDevice() throws IOException {
        String sts = Files.readString(SEED.resolve("vars/sts.yml"));

        assertThat(sts).contains("sts_role_arn: " + DemoWorld.ROLE_ARN, "sts_mfa: " + DemoWorld.MFA_SERIAL);
    }
}
