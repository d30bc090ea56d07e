package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommentFilterTest {
    @Test
    void plainCommentsFrameTheText() {
        assertThat(render("{{ 'Managed by Ansible' | comment }}")).isEqualTo("#\n# Managed by Ansible\n#");
    }

    @Test
    void everyLineIsDecoratedAndBlankLinesLoseTrailingSpaces() {
        assertThat(render("{{ x | comment }}", Map.of("x", "a\n\nb"))).isEqualTo("#\n# a\n#\n# b\n#");
    }

    @Test
    void cblockHasABeginningAndAnEnd() {
        assertThat(render("{{ 'x' | comment('cblock') }}")).isEqualTo("/*\n *\n * x\n *\n */");
    }

    @Test
    void xmlCommentsUseDashes() {
        assertThat(render("{{ 'x' | comment('xml') }}")).isEqualTo("<!--\n -\n - x\n -\n-->");
    }

    @Test
    void theDecorationCanBeOverridden() {
        assertThat(render("{{ 'x' | comment(decoration='; ') }}")).isEqualTo(";\n; x\n;");
    }

    @Test
    void prefixAndPostfixRepeat() {
        assertThat(render("{{ 'x' | comment('plain', prefix='#!', prefix_count=2, postfix='##') }}"))
                .isEqualTo("#!\n#!\n# x\n##");
    }
}
