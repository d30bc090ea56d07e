package dev.rolehop.local.imds;

import dev.rolehop.local.state.JsonText;
import dev.rolehop.local.state.TemporaryCredential;
import dev.rolehop.local.world.Ids;
import dev.rolehop.local.world.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON documents of IMDS's {@code iam/} paths, laid out as IMDS lays them out. */
final class MetadataJson {

    private MetadataJson() {}

    /** {@code iam/security-credentials/ROLE} when EC2 could assume the role. */
    static String credentials(TemporaryCredential session, Instant now) {
        Map<String, String> document = new LinkedHashMap<>();
        document.put("Code", "Success");
        document.put("LastUpdated", now.toString());
        document.put("Type", "AWS-HMAC");
        document.put("AccessKeyId", session.accessKeyId());
        document.put("SecretAccessKey", session.secretAccessKey());
        document.put("Token", session.sessionToken());
        document.put("Expiration", session.expiration().toString());
        return layout(document);
    }

    /** {@code iam/security-credentials/ROLE} when the role's trust policy leaves EC2 out. */
    static String unauthorized(Role role, Instant now) {
        Map<String, String> document = new LinkedHashMap<>();
        document.put("Code", "AssumeRoleUnauthorizedAccess");
        document.put(
                "Message",
                "EC2 cannot assume the role " + role.name() + ".  Please see documentation at"
                        + " https://docs.aws.amazon.com/IAM/latest/UserGuide/RolesTroubleshooting.html.");
        document.put("LastUpdated", now.toString());
        return layout(document);
    }

    /** {@code iam/info}: the instance profile, named after its role as the console names it. */
    static String info(Role role, Instant now) {
        Map<String, String> document = new LinkedHashMap<>();
        document.put("Code", "Success");
        document.put("LastUpdated", now.toString());
        document.put("InstanceProfileArn", "arn:aws:iam::" + role.accountId() + ":instance-profile/" + role.name());
        document.put("InstanceProfileId", Ids.stable("AIPA", role.arn()));
        return layout(document);
    }

    private static String layout(Map<String, String> document) {
        StringBuilder out = new StringBuilder("{\n");
        document.forEach((key, value) -> out.append("  ")
                .append(JsonText.line(key))
                .append(" : ")
                .append(JsonText.line(value))
                .append(",\n"));
        out.setLength(out.length() - 2);
        return out.append("\n}").toString();
    }
}
