package dev.rolehop.creds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.creds.support.TestWorld;
import dev.rolehop.local.LocalAws;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credential_source = Ec2InstanceMetadata}: the role's source credentials come from rolehop
 * local's instance metadata service (IMDSv2, over real HTTP), then AssumeRole at the same endpoint.
 */
class InstanceMetadataSourceTest {

    private static final String CONFIG =
            "[profile box]\nrole_arn = arn:aws:iam::333333333333:role/deep\ncredential_source = Ec2InstanceMetadata\n";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private LocalAws local;
    private Path home;

    private void start(String instanceRole, String config) throws IOException {
        Path world = TestWorld.write(dir.resolve("world"));
        local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0)
                .withInstanceRole(instanceRole)
                .withLog(requests::add));
        home = dir.resolve("home");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), config);
        env.put("AWS_ENDPOINT_URL", local.endpoint().toString());
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", local.endpoint().toString());
    }

    @AfterEach
    void stop() {
        if (local != null) {
            local.close();
        }
    }

    private AwsCredentials resolve() {
        return CredentialResolver.create(new ResolverOptions(
                        env, home, Optional.empty(), MfaPrompt.none(), false, Clock.systemUTC(), w -> {}))
                .resolve("box");
    }

    @Test
    void theInstanceRoleAssumesTheProfilesRoleWithATokenFirst() throws IOException {
        start(TestWorld.INSTANCE_ROLE, CONFIG);

        AwsCredentials credentials = resolve();

        assertThat(credentials.source()).contains("arn:aws:iam::333333333333:role/deep");
        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        assertThat(requests)
                .filteredOn(line -> line.contains(" imds "))
                .extracting(line -> line.replaceAll(".* imds ", ""))
                .containsExactly(
                        "PUT /latest/api/token 200",
                        "GET /latest/meta-data/iam/security-credentials/ 200",
                        "GET /latest/meta-data/iam/security-credentials/instance 200");
        assertThat(requests).anyMatch(line -> line.contains("sts AssumeRole OK"));
    }

    @Test
    void theProfilesOwnEndpointSettingIsUsedWhenTheVariableIsUnset() throws IOException {
        start(TestWorld.INSTANCE_ROLE, CONFIG);
        Files.writeString(
                home.resolve(".aws/config"), CONFIG + "ec2_metadata_service_endpoint = " + local.endpoint() + "\n");
        env.remove("AWS_EC2_METADATA_SERVICE_ENDPOINT");

        assertThat(resolve().accessKeyId()).startsWith("ASIA");
    }

    @Test
    void disablingTheServiceSaysSo() throws IOException {
        start(TestWorld.INSTANCE_ROLE, CONFIG);
        env.put("AWS_EC2_METADATA_DISABLED", "true");

        assertThatThrownBy(this::resolve)
                .hasMessage("profile 'box': credential_source = Ec2InstanceMetadata, but AWS_EC2_METADATA_DISABLED=true"
                        + " turns the instance metadata service off; unset it or use another credential source");
    }

    @Test
    void anInstanceWithoutAProfileIsNamedAsTheCause() throws IOException {
        start(null, CONFIG);

        assertThatThrownBy(this::resolve)
                .hasMessage("profile 'box': credential_source = Ec2InstanceMetadata: " + local.endpoint()
                        + "/latest/meta-data/iam/security-credentials/ was not found (HTTP 404): the instance has no"
                        + " instance profile; attach one with a role EC2 may assume");
    }

    @Test
    void aRoleEc2MayNotAssumeIsReportedWithImdsCodeAndMessage() throws IOException {
        start(TestWorld.LAB_ROLE, CONFIG);

        assertThatThrownBy(this::resolve)
                .hasMessageContaining("answered AssumeRoleUnauthorizedAccess: EC2 cannot assume the role lab-admin.");
    }

    @Test
    void anUnreachableServiceNamesTheSettingToChange() throws IOException {
        start(TestWorld.INSTANCE_ROLE, CONFIG);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:" + closed);

        assertThatThrownBy(this::resolve)
                .hasMessageStartingWith("profile 'box': credential_source = Ec2InstanceMetadata: the instance metadata"
                        + " service http://127.0.0.1:" + closed + "/latest/api/token could not be reached")
                .hasMessageContaining("(1 attempt); outside EC2 set AWS_EC2_METADATA_SERVICE_ENDPOINT");
    }

    @Test
    void aBadTimeoutSettingIsNamed() throws IOException {
        start(TestWorld.INSTANCE_ROLE, CONFIG + "metadata_service_timeout = soon\n");

        assertThatThrownBy(this::resolve)
                .hasMessage("profile 'box': credential_source = Ec2InstanceMetadata: AWS_METADATA_SERVICE_TIMEOUT /"
                        + " metadata_service_timeout = 'soon' is not a positive number");
    }
}
