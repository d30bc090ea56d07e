package dev.rolehop.local.iam;

import dev.rolehop.local.auth.Caller;
import dev.rolehop.local.policy.Decision;
import dev.rolehop.local.policy.PolicyJson;
import dev.rolehop.local.service.Authorizer;
import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.service.ServiceHandler;
import dev.rolehop.local.state.SessionKind;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Account;
import dev.rolehop.local.world.MfaDevice;
import dev.rolehop.local.world.Role;
import dev.rolehop.local.world.User;
import dev.rolehop.local.world.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** IAM, read-only and enough for tools: GetUser, GetRole, ListMFADevices, ListAccountAliases. */
public final class IamHandler implements ServiceHandler {

    private static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    /** The creation date the world's IAM entities report (they exist from the start). */
    private static final String CREATE_DATE = "2024-01-01T00:00:00Z";

    private final World world;

    /** Creates the handler over a world. */
    public IamHandler(World world) {
        this.world = world;
    }

    @Override
    public String service() {
        return "iam";
    }

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public boolean ec2Errors() {
        return false;
    }

    @Override
    public String handle(ServiceCall call) {
        Caller caller = call.caller();
        if (caller.session() != null
                && caller.session().kind() == SessionKind.SESSION_TOKEN
                && caller.mfaAuthTime() == null) {
            // AWS: credentials from GetSessionToken without MFA cannot call IAM at all.
            throw AwsErrorCode.INVALID_CLIENT_TOKEN_ID.error();
        }
        Account account = world.account(caller.accountId()).orElseThrow();
        return switch (call.action()) {
            case "GetUser" -> getUser(call, account);
            case "GetRole" -> getRole(call, account);
            case "ListMFADevices" -> listMfaDevices(call, account);
            case "ListAccountAliases" -> listAccountAliases(call, account);
            default ->
                throw AwsErrorCode.INVALID_ACTION.error(
                        "Could not find operation " + call.action() + " for version 2010-05-08");
        };
    }

    private String getUser(ServiceCall call, Account account) {
        User user = user(call, account, "iam:GetUser");
        XmlWriter xml = start("GetUser").open("User");
        xml.element("Path", "/")
                .element("UserName", user.name())
                .element("UserId", user.userId())
                .element("Arn", user.arn())
                .element("CreateDate", CREATE_DATE)
                .close("User");
        return end(xml, "GetUser", call);
    }

    private String getRole(ServiceCall call, Account account) {
        String name = call.params().required("RoleName");
        String arn = "arn:aws:iam::" + account.id() + ":role/" + name;
        authorize(call, "iam:GetRole", arn);
        Role role = account.role(name)
                .orElseThrow(
                        () -> AwsErrorCode.NO_SUCH_ENTITY.error("The role with name " + name + " cannot be found."));
        XmlWriter xml = start("GetRole").open("Role");
        xml.element("Path", "/")
                .element("RoleName", role.name())
                .element("RoleId", role.roleId())
                .element("Arn", role.arn())
                .element("CreateDate", CREATE_DATE)
                .element(
                        "AssumeRolePolicyDocument",
                        URLEncoder.encode(PolicyJson.write(role.trustPolicy()), StandardCharsets.UTF_8)
                                .replace("+", "%20"))
                .element("MaxSessionDuration", role.maxSessionDuration())
                .open("RoleLastUsed")
                .close("RoleLastUsed")
                .close("Role");
        return end(xml, "GetRole", call);
    }

    private String listMfaDevices(ServiceCall call, Account account) {
        User user = user(call, account, "iam:ListMFADevices");
        XmlWriter xml = start("ListMFADevices").open("MFADevices");
        for (MfaDevice d : user.mfaDevices()) {
            xml.open("member")
                    .element("UserName", user.name())
                    .element("SerialNumber", d.serial())
                    .element("EnableDate", CREATE_DATE)
                    .close("member");
        }
        xml.close("MFADevices").element("IsTruncated", false);
        return end(xml, "ListMFADevices", call);
    }

    private String listAccountAliases(ServiceCall call, Account account) {
        authorize(call, "iam:ListAccountAliases", "*");
        XmlWriter xml = start("ListAccountAliases").open("AccountAliases");
        if (account.alias() != null) {
            xml.element("member", account.alias());
        }
        xml.close("AccountAliases").element("IsTruncated", false);
        return end(xml, "ListAccountAliases", call);
    }

    /** The user named by {@code UserName}, or the calling user when it is absent. */
    private User user(ServiceCall call, Account account, String action) {
        Caller caller = call.caller();
        String name = call.params().get("UserName").orElse(null);
        if (name == null) {
            if (caller.user() == null) {
                throw AwsErrorCode.VALIDATION_ERROR.error(
                        "Must specify userName when calling with non-User credentials");
            }
            name = caller.user().name();
        }
        String userName = name;
        authorize(call, action, "arn:aws:iam::" + account.id() + ":user/" + userName);
        return account.user(userName)
                .orElseThrow(() ->
                        AwsErrorCode.NO_SUCH_ENTITY.error("The user with name " + userName + " cannot be found."));
    }

    private static void authorize(ServiceCall call, String action, String resource) {
        Decision d = Authorizer.decide(call.caller(), action, resource, call, Map.of());
        if (d != Decision.ALLOW) {
            throw AwsErrorCode.ACCESS_DENIED.error("User: " + call.caller().arn() + " is not authorized to perform: "
                    + action + " on resource: " + resource + " " + Authorizer.reason(d, action));
        }
    }

    private static XmlWriter start(String action) {
        return new XmlWriter().open(action + "Response", NAMESPACE).open(action + "Result");
    }

    private static String end(XmlWriter xml, String action, ServiceCall call) {
        return xml.close(action + "Result")
                .open("ResponseMetadata")
                .element("RequestId", call.requestId())
                .close("ResponseMetadata")
                .close(action + "Response")
                .toString();
    }
}
