package dev.rolehop.local.auth;

import java.util.List;

/**
 * The SigV4 fields of a request, from its {@code Authorization} header or presigned query.
 *
 * @param scopeDate the credential scope's date, {@code yyyyMMdd}
 * @param amzDate the request time, {@code yyyyMMdd'T'HHmmss'Z'}
 * @param securityToken the {@code X-Amz-Security-Token}, or null
 */
public record SigV4Authorization(
        String accessKeyId,
        String scopeDate,
        String region,
        String service,
        List<String> signedHeaders,
        String signature,
        String amzDate,
        boolean presigned,
        String securityToken) {

    public SigV4Authorization {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** The credential scope, {@code date/region/service/aws4_request}. */
    public String scope() {
        return scopeDate + "/" + region + "/" + service + "/aws4_request";
    }

    @Override
    public String toString() {
        return "SigV4Authorization[" + accessKeyId + "/" + scope() + ", token="
                + (securityToken == null ? "none" : "<redacted>") + "]";
    }
}
