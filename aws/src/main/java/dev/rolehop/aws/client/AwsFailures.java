package dev.rolehop.aws.client;

import dev.rolehop.engine.module.ModuleFailure;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns SDK exceptions into task failures shaped as amazon.aws's {@code fail_json_aws}: the
 * message botocore prints ({@code An error occurred (Code) when calling the Op operation: text}),
 * prefixed by what the module was doing, plus the snake_cased boto3 error response
 * ({@code error} and {@code response_metadata}). Never a stack trace, never a secret.
 */
public final class AwsFailures {

    private static final Pattern ERROR_TYPE = Pattern.compile("<Type>(\\w+)</Type>");

    private AwsFailures() {}

    /**
     * The failure for an error response of AWS.
     *
     * @param prefix    what the module was doing ({@code Unable to create security group}), or {@code null}
     * @param operation the API operation ({@code CreateSecurityGroup})
     * @param retries   how many times the call was retried
     */
    public static ModuleFailure of(String prefix, String operation, AwsServiceException e, int retries) {
        var details = e.awsErrorDetails();
        String code = details == null ? "Unknown" : details.errorCode();
        String message = details == null ? e.getMessage() : details.errorMessage();
        String text = "An error occurred (" + code + ") when calling the " + operation + " operation: " + message;

        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (details != null && details.rawResponse() != null) {
            Matcher type = ERROR_TYPE.matcher(details.rawResponse().asUtf8String());
            if (type.find()) {
                error.put("type", type.group(1));
            }
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("request_id", e.requestId());
        metadata.put("http_status_code", e.statusCode());
        if (details != null && details.sdkHttpResponse() != null) {
            Map<String, Object> headers = new LinkedHashMap<>();
            details.sdkHttpResponse()
                    .headers()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            metadata.put("http_headers", headers);
        }
        metadata.put("retry_attempts", retries);

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("error", error);
        values.put("response_metadata", metadata);
        return new ModuleFailure(prefix == null ? text : prefix + ": " + text, values);
    }

    /** The failure for an error that happened before AWS answered (connection refused, bad host). */
    public static ModuleFailure of(String prefix, SdkClientException e, String endpoint) {
        String text = e.getMessage();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                text = "Could not connect to the endpoint URL: \"" + endpoint + "\"";
                break;
            }
        }
        return new ModuleFailure(prefix == null ? text : prefix + ": " + text, Map.of());
    }
}
