package dev.rolehop.engine.template.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnsibleFilterErrorTest {
    @Test
    void aTypeErrorIsWrappedWithTheTemplate() {
        assertThat(AnsibleFilterError.typeError("object of type 'int' has no len()")
                        .templarMessage("{{ 5 | length }}"))
                .isEqualTo(
                        "Unexpected templating type error occurred on ({{ 5 | length }}): object of type 'int' has no len()."
                                + " object of type 'int' has no len()");
    }

    @Test
    void anUndefinedVariableRepeatsItsMessage() {
        assertThat(Undefined.variable("x").error().templarMessage("{{ x | string }}"))
                .isEqualTo("'x' is undefined. 'x' is undefined");
    }

    @Test
    void anAnsibleFilterErrorIsShownAsItIs() {
        assertThat(new AnsibleFilterError("Mandatory variable 'x'  not defined.").templarMessage("{{ x | mandatory }}"))
                .isEqualTo("Mandatory variable 'x'  not defined.");
    }
}
