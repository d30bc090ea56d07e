package dev.rolehop.local.iam;

import dev.rolehop.local.auth.Caller;
import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.service.ServiceHandler;
import dev.rolehop.local.state.SessionKind;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Account;
import dev.rolehop.local.world.World;
import java.util.Map;
import java.util.function.Function;

/**
 * IAM in the caller's account: roles, users, access keys, inline and managed policies over the
 * world file's entities (read-only) and those created through the API (state, see
 * {@link dev.rolehop.local.state.IamState}), virtual MFA devices and ListAccountAliases.
 */
public final class IamHandler implements ServiceHandler {

    private final World world;
    private final Map<String, Function<IamRequest, String>> actions;

    /** Creates the handler over a world and its state. */
    public IamHandler(World world, WorldState state) {
        this.world = world;
        Roles roles = new Roles(state);
        Users users = new Users(state);
        AccessKeys keys = new AccessKeys(state);
        ManagedPolicies managed = new ManagedPolicies(state);
        AttachedPolicies ofRoles = new AttachedPolicies(state, "Role");
        AttachedPolicies ofUsers = new AttachedPolicies(state, "User");
        MfaDevices mfa = new MfaDevices(state);
        this.actions = Map.ofEntries(
                Map.entry("CreateRole", roles::create),
                Map.entry("GetRole", roles::get),
                Map.entry("ListRoles", roles::list),
                Map.entry("UpdateRole", roles::update),
                Map.entry("UpdateAssumeRolePolicy", roles::updateTrust),
                Map.entry("DeleteRole", roles::delete),
                Map.entry("TagRole", roles::tag),
                Map.entry("UntagRole", roles::untag),
                Map.entry("ListRoleTags", roles::listTags),
                Map.entry("PutRolePolicy", ofRoles::put),
                Map.entry("GetRolePolicy", ofRoles::get),
                Map.entry("DeleteRolePolicy", ofRoles::delete),
                Map.entry("ListRolePolicies", ofRoles::list),
                Map.entry("AttachRolePolicy", ofRoles::attach),
                Map.entry("DetachRolePolicy", ofRoles::detach),
                Map.entry("ListAttachedRolePolicies", ofRoles::listAttached),
                Map.entry("CreateUser", users::create),
                Map.entry("GetUser", users::get),
                Map.entry("ListUsers", users::list),
                Map.entry("DeleteUser", users::delete),
                Map.entry("GetLoginProfile", users::loginProfile),
                Map.entry("ListSSHPublicKeys", new NoneListed(state, "User", "SSHPublicKeys")::list),
                Map.entry(
                        "ListServiceSpecificCredentials",
                        new NoneListed(state, "User", "ServiceSpecificCredentials")::list),
                Map.entry("ListSigningCertificates", new NoneListed(state, "User", "Certificates")::list),
                Map.entry("ListGroupsForUser", new NoneListed(state, "User", "Groups")::list),
                Map.entry("ListInstanceProfilesForRole", new NoneListed(state, "Role", "InstanceProfiles")::list),
                Map.entry("PutUserPolicy", ofUsers::put),
                Map.entry("GetUserPolicy", ofUsers::get),
                Map.entry("DeleteUserPolicy", ofUsers::delete),
                Map.entry("ListUserPolicies", ofUsers::list),
                Map.entry("AttachUserPolicy", ofUsers::attach),
                Map.entry("DetachUserPolicy", ofUsers::detach),
                Map.entry("ListAttachedUserPolicies", ofUsers::listAttached),
                Map.entry("CreateAccessKey", keys::create),
                Map.entry("ListAccessKeys", keys::list),
                Map.entry("UpdateAccessKey", keys::update),
                Map.entry("DeleteAccessKey", keys::delete),
                Map.entry("CreatePolicy", managed::create),
                Map.entry("GetPolicy", managed::get),
                Map.entry("ListPolicies", managed::list),
                Map.entry("DeletePolicy", managed::delete),
                Map.entry("ListEntitiesForPolicy", managed::listEntities),
                Map.entry("CreatePolicyVersion", managed::createVersion),
                Map.entry("GetPolicyVersion", managed::getVersion),
                Map.entry("ListPolicyVersions", managed::listVersions),
                Map.entry("DeletePolicyVersion", managed::deleteVersion),
                Map.entry("SetDefaultPolicyVersion", managed::setDefaultVersion),
                Map.entry("CreateVirtualMFADevice", mfa::create),
                Map.entry("EnableMFADevice", mfa::enable),
                Map.entry("DeactivateMFADevice", mfa::deactivate),
                Map.entry("DeleteVirtualMFADevice", mfa::delete),
                Map.entry("ListVirtualMFADevices", mfa::listVirtual),
                Map.entry("ListMFADevices", mfa::list),
                Map.entry("ListAccountAliases", IamHandler::listAccountAliases));
    }

    @Override
    public String service() {
        return "iam";
    }

    @Override
    public String namespace() {
        return IamRequest.NAMESPACE;
    }

    @Override
    public boolean ec2Errors() {
        return false;
    }

    @Override
    public String handle(ServiceCall call) {
        Caller caller = call.caller();
        if (caller.federated()
                || (caller.session() != null
                        && caller.session().kind() == SessionKind.SESSION_TOKEN
                        && caller.mfaAuthTime() == null)) {
            // AWS: a federated user, and credentials from GetSessionToken without MFA, cannot
            // call IAM at all.
            throw AwsErrorCode.INVALID_CLIENT_TOKEN_ID.error();
        }
        Function<IamRequest, String> action = actions.get(call.action());
        if (action == null) {
            throw AwsErrorCode.INVALID_ACTION.error(
                    "Could not find operation " + call.action() + " for version 2010-05-08");
        }
        Account account = world.account(caller.accountId()).orElseThrow();
        return action.apply(new IamRequest(call, account));
    }

    private static String listAccountAliases(IamRequest r) {
        r.authorize("iam:ListAccountAliases", "*");
        XmlWriter xml = r.start().open("AccountAliases");
        if (r.account().alias() != null) {
            xml.element("member", r.account().alias());
        }
        xml.close("AccountAliases").element("IsTruncated", false);
        return r.end(xml);
    }
}
