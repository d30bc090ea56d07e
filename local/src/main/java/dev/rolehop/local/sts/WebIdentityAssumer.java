package dev.rolehop.local.sts;

import dev.rolehop.local.oidc.IdentityTokenVerifier;
import dev.rolehop.local.oidc.VerifiedIdentity;
import dev.rolehop.local.policy.Decision;
import dev.rolehop.local.policy.PolicyEvaluator;
import dev.rolehop.local.policy.RequestContext;
import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.IamDirectory;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.wire.Validation;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Role;
import dev.rolehop.local.world.World;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS AssumeRoleWithWebIdentity: an unsigned call whose OIDC token is verified against the role
 * account's providers, then the role's trust policy decides with {@code Principal: {Federated:
 * PROVIDER-ARN}} and the provider's condition keys ({@code <provider>:aud}, {@code :sub}).
 */
final class WebIdentityAssumer {

    private static final String ACTION = "sts:AssumeRoleWithWebIdentity";
    private static final Pattern ROLE_ACCOUNT = Pattern.compile("arn:aws:iam::(\\d{12}):role/.+");

    private final IamDirectory directory;
    private final WorldState state;
    private final IdentityTokenVerifier verifier;

    WebIdentityAssumer(World world, WorldState state, IamDirectory directory) {
        this.directory = directory;
        this.state = state;
        this.verifier = new IdentityTokenVerifier(world);
    }

    String assume(ServiceCall call) {
        String roleArn = Validation.string(call.params(), "RoleArn", 20, 2048, null, null);
        String sessionName =
                Validation.string(call.params(), "RoleSessionName", 2, 64, StsHandler.SESSION_NAME, "[\\w+=,.@-]*");
        // The token is checked for presence and length only: a value in a message would leak it.
        String token = call.params().get("WebIdentityToken").orElse(null);
        if (token == null || token.length() < 4 || token.length() > 20000) {
            throw AwsErrorCode.VALIDATION_ERROR.error("1 validation error detected: Value at 'webIdentityToken'"
                    + " failed to satisfy constraint: Member must have length between 4 and 20000");
        }
        int duration = Validation.integer(call.params(), "DurationSeconds", 900, 43200, 3600);
        Matcher account = ROLE_ACCOUNT.matcher(roleArn);
        if (!account.matches()) {
            throw denied();
        }
        VerifiedIdentity identity = verifier.verify(token, account.group(1), call.now());
        Role role = directory.roleByArn(roleArn).orElseThrow(WebIdentityAssumer::denied);
        String provider = identity.provider().name();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put(provider + ":aud", List.of(identity.audience()));
        keys.put(provider + ":sub", List.of(identity.subject()));
        keys.put("aws:FederatedProvider", List.of(identity.provider().arn()));
        keys.put("sts:RoleSessionName", List.of(sessionName));
        keys.put("aws:CurrentTime", List.of(call.now().toString()));
        keys.put("aws:EpochTime", List.of(String.valueOf(call.now().getEpochSecond())));
        RequestContext context =
                RequestContext.federated(ACTION, roleArn, identity.provider().arn(), keys);
        if (PolicyEvaluator.evaluateTrust(role.trustPolicy(), context) != Decision.ALLOW) {
            throw denied();
        }
        XmlWriter xml = StsResponses.roleSession(state, call, role, sessionName, duration, null, false);
        xml.element("SubjectFromWebIdentityToken", identity.subject())
                .element("Provider", identity.provider().arn())
                .element("Audience", identity.audience());
        return StsResponses.end(xml, "AssumeRoleWithWebIdentity", call);
    }

    /** STS's answer for a role that does not exist or whose trust policy does not admit the identity. */
    private static AwsException denied() {
        return AwsErrorCode.ACCESS_DENIED.error("Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }
}
