package dev.rolehop.local.iam;

import dev.rolehop.local.auth.Totp;
import dev.rolehop.local.state.IamState;
import dev.rolehop.local.state.IamUser;
import dev.rolehop.local.state.VirtualMfaDevice;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.Validation;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Base32;
import dev.rolehop.local.world.MfaDevice;
import dev.rolehop.local.world.User;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Virtual MFA devices: CreateVirtualMFADevice (the base32 seed answered once; no QR code),
 * EnableMFADevice (two consecutive codes), DeactivateMFADevice, DeleteVirtualMFADevice,
 * ListVirtualMFADevices and ListMFADevices. An enabled device is its user's: STS accepts its
 * codes for MFA-guarded roles. The world's devices are listed, enabled for their users.
 */
final class MfaDevices {

    private static final Pattern SERIAL = Pattern.compile("[\\w+=/:,.@-]+");
    private static final Pattern CODE = Pattern.compile("[\\d]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorldState state;

    MfaDevices(WorldState state) {
        this.state = state;
    }

    String create(IamRequest r) {
        String name = r.name("VirtualMFADeviceName", 226);
        String path = r.path("Path");
        String serial = r.arn("mfa", path, name);
        r.authorize("iam:CreateVirtualMFADevice", serial);
        byte[] seed = new byte[20];
        RANDOM.nextBytes(seed);
        VirtualMfaDevice device = state.changeIam(iam -> {
            if (iam.get(VirtualMfaDevice.class, VirtualMfaDevice.key(serial)).isPresent()
                    || r.account().users().stream()
                            .flatMap(u -> u.mfaDevices().stream())
                            .anyMatch(d -> d.serial().equals(serial))) {
                throw AwsErrorCode.ENTITY_ALREADY_EXISTS.error(
                        "MFADevice entity at the same path and name already exists.");
            }
            VirtualMfaDevice created = new VirtualMfaDevice(
                    r.accountId(),
                    serial,
                    Base32.encode(seed),
                    null,
                    null,
                    r.now().truncatedTo(ChronoUnit.SECONDS));
            iam.put(created);
            return created;
        });
        XmlWriter xml = r.start().open("VirtualMFADevice");
        xml.element("SerialNumber", device.serial())
                // A blob: the base32 text of the seed, base64-encoded on the wire.
                .element(
                        "Base32StringSeed",
                        Base64.getEncoder().encodeToString(device.seed().getBytes(StandardCharsets.US_ASCII)));
        return r.end(xml.close("VirtualMFADevice"));
    }

    String enable(IamRequest r) {
        String name = r.name("UserName", 128);
        String serial = serial(r);
        String code1 = code(r, "AuthenticationCode1");
        String code2 = code(r, "AuthenticationCode2");
        state.changeIam(iam -> {
            AccountEntities entities = new AccountEntities(r, iam);
            r.authorize("iam:EnableMFADevice", entities.user(name).arn());
            IamUser user = entities.createdUser(name);
            VirtualMfaDevice device = device(iam, r, serial);
            if (device.userName() != null) {
                throw AwsErrorCode.ENTITY_ALREADY_EXISTS.error("MFA Device is already in use.");
            }
            long second = consecutiveStep(device.seed(), code1, code2, r.now());
            // The codes are spent: STS must not accept the second one again.
            if (!state.useMfaStep(serial, second)) {
                throw AwsErrorCode.INVALID_AUTHENTICATION_CODE.error();
            }
            iam.put(device.withUser(user.name(), r.now().truncatedTo(ChronoUnit.SECONDS)));
            return device;
        });
        return r.empty();
    }

    String deactivate(IamRequest r) {
        String name = Users.named(r);
        String serial = serial(r);
        state.changeIam(iam -> {
            AccountEntities entities = new AccountEntities(r, iam);
            r.authorize("iam:DeactivateMFADevice", entities.user(name).arn());
            IamUser user = entities.createdUser(name);
            VirtualMfaDevice device = iam.get(VirtualMfaDevice.class, VirtualMfaDevice.key(serial))
                    .filter(d -> user.name().equalsIgnoreCase(d.userName()))
                    .orElseThrow(() -> AwsErrorCode.NO_SUCH_ENTITY.error(
                            "MFA Device with serial number " + serial + " does not exist."));
            iam.put(device.withUser(null, null));
            return device;
        });
        return r.empty();
    }

    String delete(IamRequest r) {
        String serial = serial(r);
        r.authorize("iam:DeleteVirtualMFADevice", serial);
        state.changeIam(iam -> {
            VirtualMfaDevice device = device(iam, r, serial);
            if (device.userName() != null) {
                throw AwsErrorCode.DELETE_CONFLICT.error("MFA Device is still in use.");
            }
            iam.remove(device.key());
            return device;
        });
        return r.empty();
    }

    String listVirtual(IamRequest r) {
        String status = r.params().get("AssignmentStatus").orElse("Any");
        if (!List.of("Assigned", "Unassigned", "Any").contains(status)) {
            throw Validation.error(
                    status, "assignmentStatus", "Member must satisfy enum value set: [Unassigned, Any, Assigned]");
        }
        r.authorize("iam:ListVirtualMFADevices", r.arn("mfa", "/", ""));
        record Listed(String serial, IamUser user, Instant enabled) {}
        List<Listed> devices = state.readIam(iam -> {
            AccountEntities entities = new AccountEntities(r, iam);
            List<Listed> out = new ArrayList<>();
            for (User u : r.account().users()) {
                u.mfaDevices()
                        .forEach(d ->
                                out.add(new Listed(d.serial(), entities.user(u.name()), IamRequest.WORLD_CREATE_DATE)));
            }
            for (VirtualMfaDevice d : iam.all(VirtualMfaDevice.class, r.accountId())) {
                out.add(new Listed(
                        d.serial(), d.userName() == null ? null : entities.user(d.userName()), d.enableDate()));
            }
            return out.stream()
                    .filter(l -> status.equals("Any") || (l.user() != null) == status.equals("Assigned"))
                    .toList();
        });
        Page<Listed> page = Page.of(devices, r.params());
        XmlWriter xml = r.start().open("VirtualMFADevices");
        for (Listed l : page.items()) {
            xml.open("member").element("SerialNumber", l.serial());
            if (l.user() != null) {
                xml.open("User");
                Users.write(xml, l.user());
                xml.close("User").element("EnableDate", l.enabled());
            }
            xml.close("member");
        }
        xml.close("VirtualMFADevices");
        page.close(xml);
        return r.end(xml);
    }

    String list(IamRequest r) {
        String name = Users.named(r);
        record Enabled(String serial, Instant date) {}
        List<Enabled> devices = new ArrayList<>();
        IamUser user = state.readIam(iam -> {
            IamUser found = new AccountEntities(r, iam).user(name);
            r.account().user(name).map(User::mfaDevices).orElse(List.of()).stream()
                    .map(MfaDevice::serial)
                    .forEach(s -> devices.add(new Enabled(s, IamRequest.WORLD_CREATE_DATE)));
            iam.all(VirtualMfaDevice.class, r.accountId()).stream()
                    .filter(d -> found.name().equalsIgnoreCase(d.userName()))
                    .forEach(d -> devices.add(new Enabled(d.serial(), d.enableDate())));
            return found;
        });
        r.authorize("iam:ListMFADevices", user.arn());
        XmlWriter xml = r.start().open("MFADevices");
        for (Enabled d : devices) {
            xml.open("member")
                    .element("UserName", user.name())
                    .element("SerialNumber", d.serial())
                    .element("EnableDate", d.date())
                    .close("member");
        }
        return r.end(xml.close("MFADevices").element("IsTruncated", false));
    }

    private static String serial(IamRequest r) {
        return Validation.string(r.params(), "SerialNumber", 9, 256, SERIAL, "[\\w+=/:,.@-]+");
    }

    private static String code(IamRequest r, String param) {
        return Validation.string(r.params(), param, 6, 6, CODE, "[\\d]+");
    }

    private static VirtualMfaDevice device(IamState iam, IamRequest r, String serial) {
        return iam.get(VirtualMfaDevice.class, VirtualMfaDevice.key(serial))
                .filter(d -> d.accountId().equals(r.accountId()))
                .orElseThrow(() -> AwsErrorCode.NO_SUCH_ENTITY.error(
                        "VirtualMFADevice with serial number " + serial + " doesn't exist."));
    }

    /**
     * The step of the second code when the two codes are those of consecutive steps, the second
     * one current or one step either side (as STS accepts a code); else InvalidAuthenticationCode.
     */
    private static long consecutiveStep(String seed, String code1, String code2, Instant now) {
        long step = Totp.step(now);
        for (long s = step - 1; s <= step + 1; s++) {
            if (code(seed, s - 1).equals(code1) && code(seed, s).equals(code2)) {
                return s;
            }
        }
        throw AwsErrorCode.INVALID_AUTHENTICATION_CODE.error();
    }

    private static String code(String seed, long step) {
        return Totp.code(seed, Instant.ofEpochSecond(step * Totp.STEP.getSeconds()));
    }
}
