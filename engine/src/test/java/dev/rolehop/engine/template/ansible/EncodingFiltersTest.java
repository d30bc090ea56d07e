package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncodingFiltersTest {
    @Test
    void b64encodeEncodesUtf8() {
        assertThat(render("{{ 'héllo' | b64encode }}")).isEqualTo("aMOpbGxv");
    }

    @Test
    void b64decodeDecodesUtf8() {
        assertThat(render("{{ 'aMOpbGxv' | b64decode }}")).isEqualTo("héllo");
    }

    @Test
    void hashUsesHashlibNames() {
        assertThat(render("{{ 'abc' | hash('sha256') }}"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashRejectsAnUnknownAlgorithm() {
        assertThatThrownBy(() -> render("{{ 'abc' | hash('nosuch') }}"))
                .rootCause()
                .hasMessage("unsupported hash type nosuch");
    }

    @Test
    void md5GivesTheHexDigest() {
        assertThat(render("{{ 'abc' | md5 }}")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    }

    @Test
    void checksumIsSha1() {
        assertThat(render("{{ 'abc' | checksum }}")).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    }

    @Test
    void toUuidUsesAnsiblesNamespace() {
        assertThat(render("{{ 'abc' | to_uuid }}")).isEqualTo("27dc713b-d72c-5825-88f3-9f240e739319");
    }

    @Test
    void toUuidTakesANamespace() {
        assertThat(render("{{ 'abc' | to_uuid(namespace='6ba7b810-9dad-11d1-80b4-00c04fd430c8') }}"))
                .isEqualTo("6cb8e707-0fc5-5f55-88d4-d4fed43e64a8");
    }
}
