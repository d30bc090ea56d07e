package dev.rolehop.local.iam;

import dev.rolehop.local.service.Authorizer;
import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.service.Verdict;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.Validation;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Account;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One IAM call in the caller's account: IAM's parameter checks and messages, the authorization of
 * an action on an ARN, and the response envelope.
 */
final class IamRequest {

    static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    /** The creation date the world's IAM entities report (they exist from the start). */
    static final Instant WORLD_CREATE_DATE = Instant.parse("2024-01-01T00:00:00Z");

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("/|/[\\x21-\\x7E]+/");
    private static final Pattern DOCUMENT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");

    private final ServiceCall call;
    private final Account account;

    IamRequest(ServiceCall call, Account account) {
        this.call = call;
        this.account = account;
    }

    String accountId() {
        return account.id();
    }

    Account account() {
        return account;
    }

    Instant now() {
        return call.now();
    }

    QueryParams params() {
        return call.params();
    }

    ServiceCall call() {
        return call;
    }

    /** The ARN of an IAM entity of the account, e.g. {@code arn:aws:iam::ACCOUNT:role/PATH/NAME}. */
    String arn(String type, String path, String name) {
        return "arn:aws:iam::" + account.id() + ":" + type + path + name;
    }

    /** A required entity name ({@code RoleName}, {@code UserName}, ...) of IAM's pattern and length. */
    String name(String param, int max) {
        return Validation.string(call.params(), param, 1, max, NAME, "[\\w+=,.@-]+");
    }

    /** An optional {@code Path} (or {@code PathPrefix}), {@code /} by default. */
    String path(String param) {
        Optional<String> path = call.params().get(param);
        path.ifPresent(
                p -> Validation.check(p, field(param), 1, 512, PATH, "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"));
        return path.orElse("/");
    }

    /** A required policy document's text, of IAM's length and characters (its grammar is {@link PolicyText}'s). */
    String document(String param) {
        return Validation.string(call.params(), param, 1, 131072, DOCUMENT, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    }

    /** A required string of bounded length without a pattern. */
    String text(String param, int min, int max) {
        return Validation.string(call.params(), param, min, max, null, null);
    }

    /** Fails with AccessDenied unless the caller's policies allow the action on the resource. */
    void authorize(String action, String resource) {
        Verdict v = Authorizer.decide(call.caller(), action, resource, call, Map.of());
        if (!v.allowed()) {
            throw AwsErrorCode.ACCESS_DENIED.error("User: " + call.caller().arn() + " is not authorized to perform: "
                    + action + " on resource: " + resource + " " + v.reason(action));
        }
    }

    /** A response's start: {@code <ActionResponse><ActionResult>}. */
    XmlWriter start() {
        return new XmlWriter().open(call.action() + "Response", NAMESPACE).open(call.action() + "Result");
    }

    /** Closes a response started by {@link #start}, with the request id. */
    String end(XmlWriter xml) {
        return xml.close(call.action() + "Result")
                .open("ResponseMetadata")
                .element("RequestId", call.requestId())
                .close("ResponseMetadata")
                .close(call.action() + "Response")
                .toString();
    }

    /** A response without a result element (IAM's answer to most writes). */
    String empty() {
        return new XmlWriter()
                .open(call.action() + "Response", NAMESPACE)
                .open("ResponseMetadata")
                .element("RequestId", call.requestId())
                .close("ResponseMetadata")
                .close(call.action() + "Response")
                .toString();
    }

    /** A policy document as IAM answers it: URL-encoded JSON. */
    static String encoded(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String field(String param) {
        return Character.toLowerCase(param.charAt(0)) + param.substring(1);
    }
}
