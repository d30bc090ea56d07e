package dev.rolehop.local.sts;

import dev.rolehop.local.auth.Caller;
import dev.rolehop.local.iam.PolicyText;
import dev.rolehop.local.service.Authorizer;
import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.service.Verdict;
import dev.rolehop.local.state.SessionKind;
import dev.rolehop.local.state.SessionPolicies;
import dev.rolehop.local.state.TemporaryCredential;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.Validation;
import dev.rolehop.local.wire.XmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * STS GetFederationToken: an IAM user's long-term keys get temporary credentials for a federated
 * user it names, limited by the session policies of the call ({@code Policy}, {@code PolicyArns});
 * without any, the federated user may do nothing, as AWS documents.
 *
 * <p>{@code PackedPolicySize} is the share of the 2,048-character plaintext limit the session
 * policies use (AWS reports its compressed form's share, a smaller number).
 */
final class FederationTokenIssuer {

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final Pattern POLICY = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    private static final int PLAINTEXT_LIMIT = 2048;
    private static final int MAX_POLICY_ARNS = 10;

    private final WorldState state;

    FederationTokenIssuer(WorldState state) {
        this.state = state;
    }

    String issue(ServiceCall call) {
        Caller caller = call.caller();
        if (caller.temporary()) {
            throw AwsErrorCode.ACCESS_DENIED.error("Cannot call GetFederationToken with session credentials");
        }
        String name = Validation.string(call.params(), "Name", 2, 32, NAME, "[\\w+=,.@-]*");
        int duration = Validation.integer(call.params(), "DurationSeconds", 900, 129600, 43200);
        Optional<SessionPolicies> policies = sessionPolicies(call.params());
        String arn = "arn:aws:sts::" + caller.accountId() + ":federated-user/" + name;
        Verdict verdict = Authorizer.decide(caller, "sts:GetFederationToken", arn, call, Map.of());
        if (!verdict.allowed()) {
            throw AwsErrorCode.ACCESS_DENIED.error("User: " + caller.arn()
                    + " is not authorized to perform: sts:GetFederationToken on resource: " + arn + " "
                    + verdict.reason("sts:GetFederationToken"));
        }
        TemporaryCredential issued = TemporaryCredential.issue(
                        SessionKind.FEDERATED_USER,
                        caller.accountId(),
                        caller.user().name(),
                        name,
                        call.now().plusSeconds(duration),
                        null,
                        false)
                .restrictedTo(policies.orElse(SessionPolicies.NONE));
        state.addSession(issued, call.now());
        XmlWriter xml = StsResponses.start("GetFederationToken");
        StsResponses.credentials(xml, issued);
        xml.open("FederatedUser")
                .element("FederatedUserId", caller.accountId() + ":" + name)
                .element("Arn", arn)
                .close("FederatedUser");
        policies.ifPresent(p -> xml.element("PackedPolicySize", String.valueOf(packedSize(p))));
        return StsResponses.end(xml, "GetFederationToken", call);
    }

    /** The call's session policies, empty when it passes none. */
    private static Optional<SessionPolicies> sessionPolicies(QueryParams params) {
        Optional<String> inline = params.get("Policy");
        inline.ifPresent(text -> {
            Validation.check(text, "policy", 1, PLAINTEXT_LIMIT, POLICY, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
            PolicyText.permissions(text);
        });
        List<QueryParams> members = params.members("PolicyArns");
        if (members.size() > MAX_POLICY_ARNS) {
            throw Validation.error(
                    null, "policyArns", "Member must have length less than or equal to " + MAX_POLICY_ARNS);
        }
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String field = "policyArns." + (i + 1) + ".member.arn";
            String arn = members.get(i)
                    .get("arn")
                    .orElseThrow(() -> Validation.error(null, field, "Member must not be null"));
            arns.add(Validation.check(arn, field, 20, 2048, null, null));
        }
        if (inline.isEmpty() && arns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SessionPolicies(inline.orElse(null), arns));
    }

    private static int packedSize(SessionPolicies policies) {
        int chars = policies.inline() == null
                ? 0
                : policies.inline().replaceAll("\\s", "").length();
        for (String arn : policies.managedArns()) {
            chars += arn.length();
        }
        return Math.max(1, (int) Math.ceil(chars * 100.0 / PLAINTEXT_LIMIT));
    }
}
