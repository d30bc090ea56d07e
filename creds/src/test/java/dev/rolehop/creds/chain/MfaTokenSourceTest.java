package dev.rolehop.creds.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.creds.MfaPrompt;
import dev.rolehop.creds.support.Scripts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MfaTokenSourceTest {

    private static final String SERIAL = "arn:aws:iam::111111111111:mfa/alice";
    private static final RoleHop HOP =
            new RoleHop("lab", "arn:aws:iam::222222222222:role/lab-admin", null, null, SERIAL, null, null);

    @TempDir
    Path dir;

    private final List<String> prompts = new ArrayList<>();

    private MfaPrompt answering(String... answers) {
        Deque<String> queue = new ArrayDeque<>(List.of(answers));
        return text -> {
            prompts.add(text);
            return Optional.ofNullable(queue.poll());
        };
    }

    @Test
    void theExplicitTokenComesFirst() {
        MfaTokenSource source =
                new MfaTokenSource(Optional.of("111111"), Map.of("ROLEHOP_MFA_TOKEN", "222222"), answering("333333"));

        assertThat(source.next(HOP)).isEqualTo("111111");
        assertThat(prompts).isEmpty();
    }

    @Test
    void theEnvironmentVariableComesBeforeThePrompt() {
        MfaTokenSource source =
                new MfaTokenSource(Optional.empty(), Map.of("ROLEHOP_MFA_TOKEN", "222222"), answering("333333"));

        assertThat(source.next(HOP)).isEqualTo("222222");
        assertThat(prompts).isEmpty();
    }

    @Test
    void mfaProcessComesBeforeThePrompt() throws IOException {
        Path script = Scripts.write(dir, "otp", "echo 444444");
        RoleHop hop = new RoleHop("lab", HOP.roleArn(), null, null, SERIAL, null, script.toString());
        MfaTokenSource source = new MfaTokenSource(Optional.empty(), Map.of(), answering("333333"));

        assertThat(source.next(hop)).isEqualTo("444444");
    }

    @Test
    void mfaProcessMustPrintSixDigits() throws IOException {
        Path script = Scripts.write(dir, "otp", "echo not-a-code");
        RoleHop hop = new RoleHop("lab", HOP.roleArn(), null, null, SERIAL, null, script.toString());
        MfaTokenSource source = new MfaTokenSource(Optional.empty(), Map.of(), answering());

        assertThatThrownBy(() -> source.next(hop))
                .hasMessage("profile 'lab': mfa_process did not print a 6-digit code; it must print only the code");
    }

    @Test
    void thePromptNamesTheDevice() {
        MfaTokenSource source = new MfaTokenSource(Optional.empty(), Map.of(), answering("333333"));

        assertThat(source.next(HOP)).isEqualTo("333333");
        assertThat(prompts).containsExactly("Enter MFA code for arn:aws:iam::111111111111:mfa/alice: ");
    }

    @Test
    void aCodeIsNeverHandedOutTwice() {
        MfaTokenSource source = new MfaTokenSource(
                Optional.of("111111"), Map.of("ROLEHOP_MFA_TOKEN", "111111"), answering("111111", "555555"));

        assertThat(source.next(HOP)).isEqualTo("111111");
        assertThat(source.next(HOP)).isEqualTo("555555");
        assertThat(prompts)
                .containsExactly(
                        "Enter MFA code for " + SERIAL + ": ",
                        "That code was already used; wait for the next one. Enter MFA code for " + SERIAL + ": ");
    }

    @Test
    void withoutATerminalOrOtherSourceTheErrorNamesProfileDeviceAndTheThreeWays() {
        MfaTokenSource source = new MfaTokenSource(Optional.empty(), Map.of(), MfaPrompt.none());

        assertThatThrownBy(() -> source.next(HOP))
                .hasMessage("profile 'lab': role arn:aws:iam::222222222222:role/lab-admin requires an MFA code from"
                        + " arn:aws:iam::111111111111:mfa/alice and there is no terminal to ask for one; supply a code"
                        + " with --mfa-token CODE, the ROLEHOP_MFA_TOKEN environment variable, or an mfa_process"
                        + " command in the profile");
    }

    @Test
    void anExplicitCodeThatIsNotSixDigitsIsAnErrorNamingTheFlag() {
        MfaTokenSource source = new MfaTokenSource(Optional.of("12345"), Map.of(), answering("333333"));

        assertThatThrownBy(() -> source.next(HOP))
                .hasMessage("profile 'lab': the MFA code given with --mfa-token is not 6 digits; pass the 6-digit"
                        + " code that arn:aws:iam::111111111111:mfa/alice shows now");
        assertThat(prompts).isEmpty();
    }

    @Test
    void anEnvironmentCodeThatIsNotSixDigitsIsAnErrorNamingTheVariable() {
        MfaTokenSource source =
                new MfaTokenSource(Optional.empty(), Map.of("ROLEHOP_MFA_TOKEN", "12a456"), answering("333333"));

        assertThatThrownBy(() -> source.checkSupplied(HOP.mfaNeed()))
                .hasMessage("profile 'lab': the MFA code in the ROLEHOP_MFA_TOKEN environment variable is not 6"
                        + " digits; set it to the 6-digit code that arn:aws:iam::111111111111:mfa/alice shows now,"
                        + " or unset it to be asked for one");
        assertThatThrownBy(() -> source.next(HOP)).isInstanceOf(dev.rolehop.creds.CredentialException.class);
        assertThat(prompts).isEmpty();
    }

    @Test
    void suppliedCodesAreCheckedEvenWhenAnEarlierSourceHasAGoodOne() {
        MfaTokenSource source =
                new MfaTokenSource(Optional.of("111111"), Map.of("ROLEHOP_MFA_TOKEN", "1234567"), answering());

        assertThatThrownBy(() -> source.checkSupplied(HOP.mfaNeed())).hasMessageContaining("ROLEHOP_MFA_TOKEN");
    }

    @Test
    void surroundingBlanksAreNotPartOfACode() {
        MfaTokenSource source = new MfaTokenSource(Optional.of(" 111111\n"), Map.of(), answering());

        assertThat(source.next(HOP)).isEqualTo("111111");
    }

    @Test
    void thePromptRefusesAnAnswerThatIsNotSixDigitsAndAsksAgain() {
        MfaTokenSource source = new MfaTokenSource(Optional.empty(), Map.of(), answering("12345", "12 456", "654321"));

        assertThat(source.next(HOP)).isEqualTo("654321");
        String ask = "Enter MFA code for " + SERIAL + ": ";
        assertThat(prompts)
                .containsExactly(
                        ask,
                        "That is not an MFA code: it must be 6 digits. " + ask,
                        "That is not an MFA code: it must be 6 digits. " + ask);
    }

    @Test
    void threeRefusedAnswersEndWithAnErrorSayingSo() {
        MfaTokenSource source = new MfaTokenSource(Optional.empty(), Map.of(), answering("1", "", "abcdef"));

        assertThatThrownBy(() -> source.next(HOP))
                .hasMessage("profile 'lab': no usable MFA code for arn:aws:iam::111111111111:mfa/alice was entered in"
                        + " 3 tries (a code is 6 digits, each used once); run the command again");
        assertThat(prompts).hasSize(3);
    }
}
