package dev.rolehop.local.sts;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.SessionKind;
import dev.rolehop.local.state.TemporaryCredential;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Role;
import java.time.Instant;

/** The parts STS's answers share: the XML of temporary credentials and of the response envelope. */
final class StsResponses {

    private StsResponses() {}

    /** The {@code Credentials} element of an answer. */
    static void credentials(XmlWriter xml, TemporaryCredential c) {
        xml.open("Credentials")
                .element("AccessKeyId", c.accessKeyId())
                .element("SecretAccessKey", c.secretAccessKey())
                .element("SessionToken", c.sessionToken())
                .element("Expiration", c.expiration().toString())
                .close("Credentials");
    }

    /** Opens {@code <ActionResponse><ActionResult>}. */
    static XmlWriter start(String action) {
        return new XmlWriter().open(action + "Response", StsHandler.NAMESPACE).open(action + "Result");
    }

    /** Closes the result, adds the request id and returns the document. */
    static String end(XmlWriter xml, String action, ServiceCall call) {
        return xml.close(action + "Result")
                .open("ResponseMetadata")
                .element("RequestId", call.requestId())
                .close("ResponseMetadata")
                .close(action + "Response")
                .toString();
    }

    /**
     * Issues a session of {@code role} for {@code duration} seconds, after the role's own limit, and
     * records it; returns the answer's start with its {@code Credentials} and {@code AssumedRoleUser}.
     */
    static XmlWriter roleSession(
            WorldState state,
            ServiceCall call,
            Role role,
            String sessionName,
            int duration,
            Instant mfaTime,
            boolean chained) {
        if (duration > role.maxSessionDuration()) {
            throw AwsErrorCode.VALIDATION_ERROR.error(
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        TemporaryCredential issued = TemporaryCredential.issue(
                SessionKind.ASSUMED_ROLE,
                role.accountId(),
                role.name(),
                sessionName,
                call.now().plusSeconds(duration),
                mfaTime,
                chained);
        state.addSession(issued, call.now());
        XmlWriter xml = start(call.action());
        credentials(xml, issued);
        assumedRoleUser(xml, role, sessionName);
        return xml;
    }

    /** The {@code AssumedRoleUser} element of a role session. */
    private static void assumedRoleUser(XmlWriter xml, Role role, String sessionName) {
        xml.open("AssumedRoleUser")
                .element("AssumedRoleId", role.roleId() + ":" + sessionName)
                .element("Arn", "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.name() + "/" + sessionName)
                .close("AssumedRoleUser");
    }
}
