package dev.rolehop.creds.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void whitespaceSeparatesArguments() {
        assertThat(CommandLine.split("  rolehop creds\t--profile lab "))
                .containsExactly("rolehop", "creds", "--profile", "lab");
    }

    @Test
    void quotesKeepSpacesAndNoVariablesExpand() {
        assertThat(CommandLine.split("cmd 'a b $HOME' \"c \\\"d\\\"\" e\\ f"))
                .containsExactly("cmd", "a b $HOME", "c \"d\"", "e f");
    }

    @Test
    void adjacentQuotedPartsJoinOneArgument() {
        assertThat(CommandLine.split("--x='1 2'\"3\"")).containsExactly("--x=1 23");
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThatThrownBy(() -> CommandLine.split("cmd 'open")).hasMessage("no closing quotation");
    }
}
