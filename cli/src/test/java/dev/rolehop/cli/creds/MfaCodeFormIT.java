package dev.rolehop.cli.creds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.local.DemoWorld;
import dev.rolehop.local.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A code that cannot be an MFA code (not six digits) never reaches AWS, end to end: the packaged
 * CLI refuses it at the prompt and asks again, and refuses one from --mfa-token or
 * ROLEHOP_MFA_TOKEN with an error naming the source. rolehop local's request log shows which
 * calls were made.
 */
class MfaCodeFormIT {

    private static final String PROMPT = "Enter MFA code for " + DemoWorld.MFA_SERIAL + ": ";

    @TempDir
    Path dir;

    private Path world;
    private LocalAws local;
    private RolehopProcess rolehop;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        world = DemoWorld.write(dir.resolve("demo"));
        Path home = Files.createDirectories(dir.resolve("home"));
        rolehop = new RolehopProcess(home).demoAwsFiles(dir.resolve("demo"));
        local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0).withLog(requests::add));
        rolehop.env("AWS_ENDPOINT_URL", local.endpoint().toString());
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void aFiveDigitAnswerAtThePromptIsRefusedAndAskedForAgainBeforeAnyCall() throws Exception {
        List<String> whoami = List.of(RolehopProcess.launcher().toString(), "whoami", "--profile", "lab");
        try (TerminalSession session = TerminalSession.start(whoami, rolehop.environment())) {
            assertThat(session.waitFor(PROMPT)).as(session.screen()).isTrue();
            session.typeLine("12345");
            assertThat(session.waitFor("That is not an MFA code: it must be 6 digits. " + PROMPT))
                    .as(session.screen())
                    .isTrue();
            assertThat(requests).as("no call before a valid code").isEmpty();
            String code = LocalAws.mfaCode(world, DemoWorld.MFA_SERIAL, Instant.now());
            session.typeLine(code);

            assertThat(session.exitCode()).as(session.screen()).isZero();
            assertThat(session.screen())
                    .contains("Account:    222222222222")
                    .doesNotContain("ValidationError")
                    .doesNotContain("12345")
                    .doesNotContain(code);
        }
        // The one AssumeRole carried the valid code, then GetCallerIdentity.
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).contains(" sts AssumeRole OK ");
        assertThat(requests.get(1)).contains(" sts GetCallerIdentity OK ");
    }

    @Test
    void aMfaTokenFlagThatIsNotSixDigitsIsAnErrorNamingTheFlagBeforeAnyCall() throws Exception {
        RolehopProcess.Result result = rolehop.run("whoami", "--profile", "lab", "--mfa-token", "12345");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr())
                .isEqualTo("rolehop whoami: profile 'lab': the MFA code given with --mfa-token is not 6 digits;"
                        + " pass the 6-digit code that " + DemoWorld.MFA_SERIAL + " shows now\n");
        assertThat(requests).isEmpty();
    }

    @Test
    void anEnvironmentCodeThatIsNotSixDigitsIsAnErrorNamingTheVariableBeforeAnyCall() throws Exception {
        rolehop.env("ROLEHOP_MFA_TOKEN", "1234567");

        RolehopProcess.Result result = rolehop.run("creds", "--profile", "lab");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr())
                .isEqualTo("rolehop creds: profile 'lab': the MFA code in the ROLEHOP_MFA_TOKEN environment variable"
                        + " is not 6 digits; set it to the 6-digit code that " + DemoWorld.MFA_SERIAL
                        + " shows now, or unset it to be asked for one\n");
        assertThat(requests).isEmpty();
    }
}
