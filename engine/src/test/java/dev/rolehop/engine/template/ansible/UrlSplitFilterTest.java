package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Expectations are what ansible-playbook 2.14 prints for the same templates. */
class UrlSplitFilterTest {
    @Test
    void aWholeUrlSplitsAsPythonSplitsIt() {
        assertThat(render("{{ 'HTTPS://User:Pa%20ss@WWW.Example.com:8443/a/b;p?x=1&y=2#Frag' | urlsplit }}"))
                .isEqualTo("{'fragment': 'Frag', 'hostname': 'www.example.com', 'netloc': "
                        + "'User:Pa%20ss@WWW.Example.com:8443', 'password': 'Pa%20ss', 'path': '/a/b;p', "
                        + "'port': 8443, 'query': 'x=1&y=2', 'scheme': 'https', 'username': 'User'}");
    }

    @Test
    void oneComponentIsNamed() {
        assertThat(render(
                        "{{ 's3://bucket/key' | urlsplit('netloc') }} {{ 'http://[::1]:80/' | urlsplit('hostname') }}"))
                .isEqualTo("bucket ::1");
    }

    @Test
    void noSchemeWithoutAColonAndNoNetlocWithoutSlashes() {
        assertThat(
                        render(
                                "[{{ 'example.com/x' | urlsplit('scheme') }}] {{ 'mailto:me@example.com' | urlsplit('path') }}"))
                .isEqualTo("[] me@example.com");
    }

    @Test
    void anUnknownComponentIsNamed() {
        assertThatThrownBy(() -> render("{{ 'https://example.com' | urlsplit('host') }}"))
                .rootCause()
                .hasMessage("urlsplit: unknown URL component: host");
    }
}
