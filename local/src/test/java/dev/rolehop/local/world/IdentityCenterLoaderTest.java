package dev.rolehop.local.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The world file's identity_center: what it provisions and how bad input is refused. */
class IdentityCenterLoaderTest {

    private static final String WORLD = """
            accounts:
              - id: "222222222222"
            identity_center:
              start_url: https://corp.awsapps.com/start
              region: eu-west-1
              users:
                - name: alice
              permission_sets:
                - name: Admin
                  session_duration: 7200
                  policies:
                    - name: all
                      document: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}
              assignments:
                - {user: alice, account: "222222222222", permission_set: Admin}
            """;

    @Test
    void anAssignedPermissionSetBecomesAReservedRoleInTheAccount() {
        World world = WorldLoader.parse(WORLD, "world.yml");
        IdentityCenter center = world.identityCenter();
        assertThat(center.startUrl()).isEqualTo("https://corp.awsapps.com/start");
        String name = center.roleName("Admin");
        assertThat(name).matches("AWSReservedSSO_Admin_[0-9a-f]{16}");
        Role role = world.account("222222222222").orElseThrow().role(name).orElseThrow();
        assertThat(role.maxSessionDuration()).isEqualTo(7200);
        assertThat(role.policies()).extracting(Policy::name).containsExactly("all");
        assertThat(WorldLoader.parse(WORLD, "world.yml").identityCenter().roleName("Admin"))
                .as("stable across loads")
                .isEqualTo(name);
    }

    @Test
    void assignmentsNameKnownUsersAccountsAndPermissionSets() {
        assertThatThrownBy(() -> WorldLoader.parse(WORLD.replace("{user: alice,", "{user: bob,"), "world.yml"))
                .isInstanceOf(WorldException.class)
                .hasMessage("world.yml:15:14: no Identity Center user 'bob' (users: [alice])");
        assertThatThrownBy(() -> WorldLoader.parse(
                        WORLD.replace("account: \"222222222222\"", "account: \"333333333333\""), "world.yml"))
                .hasMessage("world.yml:15:30: no account '333333333333' in the world (quote the 12 digits)");
        assertThatThrownBy(() -> WorldLoader.parse(
                        WORLD.replace("permission_set: Admin}", "permission_set: Root}"), "world.yml"))
                .hasMessage("world.yml:15:62: no permission set 'Root' (permission sets: [Admin])");
    }

    @Test
    void unknownKeysAndBadValuesAreRefusedWithTheirPlace() {
        assertThatThrownBy(
                        () -> WorldLoader.parse(WORLD.replace("region: eu-west-1", "regoin: eu-west-1"), "world.yml"))
                .isInstanceOf(WorldException.class)
                .hasMessageStartingWith("world.yml:5:3: ");
        assertThatThrownBy(
                        () -> WorldLoader.parse(WORLD.replace("session_duration: 7200", "session_duration: 60"), "w"))
                .hasMessageContaining("'session_duration' must be a whole number from 900 to 43200, not '60'");
        assertThatThrownBy(() -> WorldLoader.parse(
                        WORLD.replace("start_url: https://corp.awsapps.com/start", "start_url: corp"), "w"))
                .hasMessageContaining("the access portal URL, like https://NAME.awsapps.com/start");
    }
}
