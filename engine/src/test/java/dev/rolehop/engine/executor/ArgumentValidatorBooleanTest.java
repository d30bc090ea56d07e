package dev.rolehop.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bool module arguments convert as Ansible's check_type_bool does (messages from ansible-core 2.14's stat module). */
class ArgumentValidatorBooleanTest {

    private static final ArgumentSpec SPEC = ArgumentSpec.of(Argument.of("get_checksum", ArgumentType.BOOL));

    private static Object converted(Object value) {
        return ArgumentValidator.validate("stat", SPEC, Map.of("get_checksum", value), false)
                .get("get_checksum");
    }

    @Test
    void theFloatOnePointZeroIsTrue() {
        assertThat(converted(1.0)).isEqualTo(true);
    }

    @Test
    void yesInAnyCaseIsTrue() {
        assertThat(converted("YES")).isEqualTo(true);
    }

    @Test
    void theStringOnePointZeroIsNotABoolean() {
        assertThatThrownBy(() -> converted("1.0"))
                .isInstanceOf(ModuleFailure.class)
                .hasMessageStartingWith(
                        "argument 'get_checksum' is of type <class 'str'> and we were unable to convert to "
                                + "bool: The value '1.0' is not a valid boolean.  Valid booleans include: ");
    }

    @Test
    void aListCannotBeConvertedToABool() {
        assertThatThrownBy(() -> converted(List.of(1L)))
                .isInstanceOf(ModuleFailure.class)
                .hasMessage("argument 'get_checksum' is of type <class 'list'> and we were unable to convert to bool: "
                        + "<class 'list'> cannot be converted to a bool");
    }
}
