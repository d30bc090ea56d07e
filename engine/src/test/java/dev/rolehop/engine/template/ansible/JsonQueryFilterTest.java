package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.eval;
import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonQueryFilterTest {
    private static final Map<String, Object> VPCS = Map.of(
            "Vpcs",
            List.of(
                    Map.of("VpcId", "vpc-1", "IsDefault", false, "Size", 16L),
                    Map.of("VpcId", "vpc-2", "IsDefault", true, "Size", 20L)));

    @Test
    void projectsAList() {
        assertThat(eval("vpcs | json_query('Vpcs[*].VpcId')", Map.of("vpcs", VPCS)))
                .isEqualTo(List.of("vpc-1", "vpc-2"));
    }

    @Test
    void filtersAndPipes() {
        assertThat(eval("vpcs | json_query('Vpcs[?IsDefault] | [0].VpcId')", Map.of("vpcs", VPCS)))
                .isEqualTo("vpc-2");
    }

    @Test
    void integersStayIntegers() {
        assertThat(eval("vpcs | json_query('Vpcs[0].Size')", Map.of("vpcs", VPCS)))
                .isEqualTo(16L);
        assertThat(eval("vpcs | json_query('length(Vpcs)')", Map.of("vpcs", VPCS)))
                .isEqualTo(2L);
    }

    @Test
    void aMissingKeyIsNone() {
        assertThat(render("[{{ vpcs | json_query('nothing') }}]", Map.of("vpcs", VPCS)))
                .isEqualTo("[]");
    }

    @Test
    void aBadExpressionFailsAsAnsibleSays() {
        assertThatThrownBy(() -> render("{{ vpcs | json_query('Vpcs[') }}", Map.of("vpcs", VPCS)))
                .rootCause()
                .hasMessageStartingWith("JMESPath query failed: ");
    }
}
