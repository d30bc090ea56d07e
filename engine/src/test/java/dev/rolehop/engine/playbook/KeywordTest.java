package dev.rolehop.engine.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordTest {

    @Test
    void aTaskAcceptsItsKeywordsAndNotAPlays() {
        assertThat(Keyword.of(Keyword.Owner.TASK, "retries")).isEqualTo(Keyword.RETRIES);
        assertThat(Keyword.of(Keyword.Owner.TASK, "hosts")).isNull();
    }

    @Test
    void aPlayHasNoWhen() {
        assertThat(Keyword.of(Keyword.Owner.PLAY, "when")).isNull();
    }

    @Test
    void onlyHandlersListen() {
        assertThat(Keyword.of(Keyword.Owner.HANDLER, "listen")).isEqualTo(Keyword.LISTEN);
        assertThat(Keyword.of(Keyword.Owner.TASK, "listen")).isNull();
    }

    @Test
    void ignoreErrorsIsInheritedAndRetriesIsNot() {
        assertThat(Keyword.IGNORE_ERRORS.inherited()).isTrue();
        assertThat(Keyword.RETRIES.inherited()).isFalse();
    }

    @Test
    void whenAddsUpWithTheOuterConditionsFirst() {
        assertThat(Keyword.WHEN.extend()).isTrue();
        assertThat(Keyword.WHEN.prepend()).isTrue();
        assertThat(Keyword.TAGS.prepend()).isFalse();
    }

    @Test
    void registerAndVarsAreNeverTemplated() {
        assertThat(Keyword.REGISTER.isStatic()).isTrue();
        assertThat(Keyword.VARS.isStatic()).isTrue();
        assertThat(Keyword.NO_LOG.isStatic()).isFalse();
    }
}
