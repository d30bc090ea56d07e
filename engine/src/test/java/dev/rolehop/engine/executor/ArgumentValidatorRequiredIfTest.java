package dev.rolehop.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleFailure;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code required_if} as Ansible checks it (messages from amazon.aws 5.5's ec2_vpc_nat_gateway under ansible-core 2.14). */
class ArgumentValidatorRequiredIfTest {

    private static final ArgumentSpec SPEC = ArgumentSpec.of(
                    Argument.of("state", ArgumentType.STR).withDefault("present"),
                    Argument.of("subnet_id", ArgumentType.STR),
                    Argument.of("nat_gateway_id", ArgumentType.STR))
            .requiredIf("state", "absent", "nat_gateway_id")
            .requiredIf("state", "present", "subnet_id");

    private static Map<String, Object> validate(Map<String, Object> given) {
        return ArgumentValidator.validate("ec2_vpc_nat_gateway", SPEC, given, false);
    }

    @Test
    void theDefaultValueTriggersItsRequirements() {
        assertThatThrownBy(() -> validate(Map.of()))
                .isInstanceOf(ModuleFailure.class)
                .hasMessage("state is present but all of the following are missing: subnet_id");
    }

    @Test
    void aGivenValueTriggersItsRequirements() {
        assertThatThrownBy(() -> validate(Map.of("state", "absent", "subnet_id", "subnet-1")))
                .isInstanceOf(ModuleFailure.class)
                .hasMessage("state is absent but all of the following are missing: nat_gateway_id");
    }

    @Test
    void aRequirementGivenAsNullCountsAsGiven() {
        Map<String, Object> given = new HashMap<>();
        given.put("subnet_id", null);
        assertThat(validate(given)).containsEntry("state", "present");
    }
}
