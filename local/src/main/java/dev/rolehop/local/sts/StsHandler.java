package dev.rolehop.local.sts;

import dev.rolehop.local.auth.Caller;
import dev.rolehop.local.policy.Decision;
import dev.rolehop.local.policy.PolicyEvaluator;
import dev.rolehop.local.policy.RequestContext;
import dev.rolehop.local.service.Authorizer;
import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.service.ServiceHandler;
import dev.rolehop.local.state.IamDirectory;
import dev.rolehop.local.state.SessionKind;
import dev.rolehop.local.state.TemporaryCredential;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.wire.Validation;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Role;
import dev.rolehop.local.world.World;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * STS: GetCallerIdentity, AssumeRole (trust policy, MFA, durations), GetSessionToken,
 * GetFederationToken and AssumeRoleWithWebIdentity.
 */
public final class StsHandler implements ServiceHandler {

    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]*");
    private static final int CHAINED_MAX = 3600;

    private final IamDirectory directory;
    private final WorldState state;
    private final WebIdentityAssumer webIdentity;
    private final FederationTokenIssuer federation;

    /** Creates the handler over a world and its state. */
    public StsHandler(World world, WorldState state) {
        this.directory = new IamDirectory(world, state);
        this.state = state;
        this.webIdentity = new WebIdentityAssumer(world, state, directory);
        this.federation = new FederationTokenIssuer(state);
    }

    /** AssumeRoleWithWebIdentity is called without a signature: the web identity token is the credential. */
    @Override
    public Set<String> unsignedActions() {
        return Set.of("AssumeRoleWithWebIdentity");
    }

    @Override
    public String service() {
        return "sts";
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
        return switch (call.action()) {
            case "GetCallerIdentity" -> getCallerIdentity(call);
            case "AssumeRole" -> assumeRole(call);
            case "GetSessionToken" -> getSessionToken(call);
            case "GetFederationToken" -> federation.issue(call);
            case "AssumeRoleWithWebIdentity" -> webIdentity.assume(call);
            default ->
                throw AwsErrorCode.INVALID_ACTION.error(
                        "Could not find operation " + call.action() + " for version 2011-06-15");
        };
    }

    private String getCallerIdentity(ServiceCall call) {
        Caller c = call.caller();
        XmlWriter xml = StsResponses.start("GetCallerIdentity");
        xml.element("Arn", c.arn()).element("UserId", c.userId()).element("Account", c.accountId());
        return StsResponses.end(xml, "GetCallerIdentity", call);
    }

    private String assumeRole(ServiceCall call) {
        Caller caller = call.caller();
        String roleArn = Validation.string(call.params(), "RoleArn", 20, 2048, null, null);
        String sessionName = Validation.string(call.params(), "RoleSessionName", 2, 64, SESSION_NAME, "[\\w+=,.@-]*");
        int duration = Validation.integer(call.params(), "DurationSeconds", 900, 43200, 3600);
        Optional<String> externalId = call.params().get("ExternalId");
        externalId.ifPresent(id -> Validation.check(id, "externalId", 2, 1224, EXTERNAL_ID, "[\\w+=,.@:\\/-]*"));
        Optional<Instant> mfa = MfaCheck.verify(call.params(), caller, state, call.now());
        Instant mfaTime = mfa.orElse(caller.mfaAuthTime());

        Map<String, List<String>> keys = new LinkedHashMap<>();
        externalId.ifPresent(id -> keys.put("sts:ExternalId", List.of(id)));
        keys.put("sts:RoleSessionName", List.of(sessionName));
        if (mfaTime != null) {
            keys.put("aws:MultiFactorAuthPresent", List.of("true"));
            keys.put(
                    "aws:MultiFactorAuthAge",
                    List.of(String.valueOf(Math.max(0, call.now().getEpochSecond() - mfaTime.getEpochSecond()))));
        }
        if (caller.federated()) {
            // AWS: a federated user may call no STS action but GetCallerIdentity.
            throw denied(caller, roleArn);
        }
        Role role = directory.roleByArn(roleArn).orElseThrow(() -> denied(caller, roleArn));
        RequestContext context = Authorizer.context(caller, "sts:AssumeRole", roleArn, call, keys);
        if (PolicyEvaluator.evaluateTrust(role.trustPolicy(), context) != Decision.ALLOW) {
            throw denied(caller, roleArn);
        }
        Decision identity = PolicyEvaluator.evaluate(caller.policies(), context);
        boolean namedInTrust = caller.accountId().equals(role.accountId())
                && PolicyEvaluator.trustNamesPrincipal(role.trustPolicy(), context);
        if (identity == Decision.EXPLICIT_DENY || (identity != Decision.ALLOW && !namedInTrust)) {
            throw denied(caller, roleArn);
        }
        boolean chained = caller.assumedRole();
        if (chained && call.params().get("DurationSeconds").isPresent() && duration > CHAINED_MAX) {
            throw AwsErrorCode.VALIDATION_ERROR.error(
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        XmlWriter xml = StsResponses.roleSession(state, call, role, sessionName, duration, mfaTime, chained);
        return StsResponses.end(xml, "AssumeRole", call);
    }

    private String getSessionToken(ServiceCall call) {
        Caller caller = call.caller();
        if (caller.temporary()) {
            throw AwsErrorCode.ACCESS_DENIED.error("Cannot call GetSessionToken with session credentials");
        }
        int duration = Validation.integer(call.params(), "DurationSeconds", 900, 129600, 43200);
        Optional<Instant> mfa = MfaCheck.verify(call.params(), caller, state, call.now());
        TemporaryCredential issued = TemporaryCredential.issue(
                SessionKind.SESSION_TOKEN,
                caller.accountId(),
                caller.user().name(),
                null,
                call.now().plusSeconds(duration),
                mfa.orElse(null),
                false);
        state.addSession(issued, call.now());
        XmlWriter xml = StsResponses.start("GetSessionToken");
        StsResponses.credentials(xml, issued);
        return StsResponses.end(xml, "GetSessionToken", call);
    }

    private static AwsException denied(Caller caller, String roleArn) {
        return AwsErrorCode.ACCESS_DENIED.error(
                "User: " + caller.arn() + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
    }
}
