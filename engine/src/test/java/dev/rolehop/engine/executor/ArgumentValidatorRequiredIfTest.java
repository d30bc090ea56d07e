package dev.rolehop.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** required_if rules as ansible-core 2.14's check_required_if (amazon.aws 5.5's ec2_vpc_route_table spec). */
class ArgumentValidatorRequiredIfTest {

    private static final ArgumentSpec SPEC = ArgumentSpec.of(
                    Argument.of("lookup", ArgumentType.STR).withDefault("tag").withChoices("tag", "id"),
                    Argument.of("route_table_id", ArgumentType.STR),
                    Argument.of("vpc_id", ArgumentType.STR))
            .requiredIf("lookup", "id", "route_table_id")
            .requiredIf("lookup", "tag", "vpc_id");

    private static Map<String, Object> validate(Map<String, Object> given) {
        return ArgumentValidator.validate("ec2_vpc_route_table", SPEC, given, false);
    }

    @Test
    void aDefaultValueTriggersItsRule() {
        assertThatThrownBy(() -> validate(Map.of()))
                .isInstanceOf(ModuleFailure.class)
                .hasMessage("lookup is tag but all of the following are missing: vpc_id");
    }

    @Test
    void aGivenValueTriggersItsRule() {
        assertThatThrownBy(() -> validate(Map.of("lookup", "id", "vpc_id", "vpc-1")))
                .hasMessage("lookup is id but all of the following are missing: route_table_id");
    }

    @Test
    void otherValuesLeaveTheRequirementsOptional() {
        assertThat(validate(Map.of("lookup", "id", "route_table_id", "rtb-1"))).containsEntry("lookup", "id");
    }
}
