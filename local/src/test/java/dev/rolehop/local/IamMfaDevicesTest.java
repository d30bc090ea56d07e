package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.local.auth.Totp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.StsClient;

/** Virtual MFA devices created through IAM: enabled with two consecutive codes, they satisfy MFA-guarded roles. */
class IamMfaDevicesTest {

    private static final String ACCOUNT = DemoWorld.JUMP_ACCOUNT;

    private final LocalFixture f = new LocalFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    private String code(String seed, long stepOffset) {
        return Totp.code(seed, f.clock.instant().plus(Totp.STEP.multipliedBy(stepOffset)));
    }

    private static String seed(VirtualMFADevice device) {
        return new String(device.base32StringSeed().asByteArray(), StandardCharsets.US_ASCII);
    }

    @Test
    void anEnabledDeviceSatisfiesAnMfaGuardedRole() {
        AccessKey key;
        String seed;
        try (IamClient iam = f.iam(f.alice())) {
            iam.createUser(r -> r.userName("dave"));
            iam.putUserPolicy(r -> r.userName("dave")
                    .policyName("assume")
                    .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}"));
            key = iam.createAccessKey(r -> r.userName("dave")).accessKey();
            iam.createRole(r -> r.roleName("guarded")
                    .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":user/dave\"},"
                            + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"Bool\":"
                            + "{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}"));
            VirtualMFADevice device = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("dave-phone"))
                    .virtualMFADevice();
            assertThat(device.serialNumber()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":mfa/dave-phone");
            seed = seed(device);
            iam.enableMFADevice(r -> r.userName("dave")
                    .serialNumber(device.serialNumber())
                    .authenticationCode1(code(seed, -1))
                    .authenticationCode2(code(seed, 0)));
            assertThat(iam.listMFADevices(r -> r.userName("dave")).mfaDevices())
                    .extracting(d -> d.serialNumber())
                    .containsExactly(device.serialNumber());
        }
        f.clock.advance(Duration.ofSeconds(30));
        AwsCredentials dave = LocalFixture.keys(key.accessKeyId(), key.secretAccessKey());
        try (StsClient sts = f.sts(dave)) {
            String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/guarded";
            assertThat(LocalFixture.awsError(
                                    () -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("no")))
                            .awsErrorDetails()
                            .errorCode())
                    .isEqualTo("AccessDenied");
            assertThat(sts.assumeRole(r -> r.roleArn(roleArn)
                                    .roleSessionName("yes")
                                    .serialNumber("arn:aws:iam::" + ACCOUNT + ":mfa/dave-phone")
                                    .tokenCode(code(seed, 0)))
                            .assumedRoleUser()
                            .arn())
                    .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/guarded/yes");
        }
    }

    @Test
    void codesThatAreNotConsecutiveAreAnInvalidAuthenticationCode() {
        try (IamClient iam = f.iam(f.alice())) {
            iam.createUser(r -> r.userName("erin"));
            VirtualMFADevice device = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("erin"))
                    .virtualMFADevice();
            String seed = seed(device);
            AwsServiceException e = LocalFixture.awsError(() -> iam.enableMFADevice(r -> r.userName("erin")
                    .serialNumber(device.serialNumber())
                    .authenticationCode1(code(seed, 0))
                    .authenticationCode2(code(seed, -1))));
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAuthenticationCode");
            assertThat(iam.listVirtualMFADevices(r -> r.assignmentStatus("Unassigned"))
                            .virtualMFADevices())
                    .extracting(d -> d.serialNumber())
                    .containsExactly(device.serialNumber());
        }
    }

    @Test
    void anEnabledDeviceIsDeletedOnlyAfterItIsDeactivated() {
        try (IamClient iam = f.iam(f.alice())) {
            iam.createUser(r -> r.userName("finn"));
            VirtualMFADevice device = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("finn"))
                    .virtualMFADevice();
            String seed = seed(device);
            iam.enableMFADevice(r -> r.userName("finn")
                    .serialNumber(device.serialNumber())
                    .authenticationCode1(code(seed, 0))
                    .authenticationCode2(code(seed, 1)));
            AwsServiceException e =
                    LocalFixture.awsError(() -> iam.deleteVirtualMFADevice(r -> r.serialNumber(device.serialNumber())));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DeleteConflict");
            assertThat(LocalFixture.awsError(() -> iam.deleteUser(r -> r.userName("finn")))
                            .awsErrorDetails()
                            .errorMessage())
                    .isEqualTo("Cannot delete entity, must delete MFA device first.");
            iam.deactivateMFADevice(r -> r.userName("finn").serialNumber(device.serialNumber()));
            iam.deleteVirtualMFADevice(r -> r.serialNumber(device.serialNumber()));
            iam.deleteUser(r -> r.userName("finn"));
            assertThat(iam.listVirtualMFADevices().virtualMFADevices())
                    .extracting(d -> d.serialNumber() + " " + d.user().userName())
                    .containsExactly(DemoWorld.MFA_SERIAL + " alice");
        }
    }
}
