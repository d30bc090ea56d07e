package dev.rolehop.local.federation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.rolehop.local.text.Html;
import dev.rolehop.local.text.Printable;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A tiny stand-in for the AWS console ({@value #PATH}): it shows the account and identity of the
 * console session its cookie names, so a federation sign-in can be followed to its end. Without
 * a live session it answers 401 and says how to sign in.
 */
final class ConsolePage implements HttpHandler {

    /** Where the page is served: the destination to give a login URL for rolehop local. */
    static final String PATH = "/console";

    private final SignIns signIns;
    private final Clock clock;
    private final Consumer<String> log;

    ConsolePage(SignIns signIns, Clock clock, Consumer<String> log) {
        this.signIns = signIns;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readNBytes(64 * 1024);
        Optional<ConsoleSession> session = cookie(exchange).flatMap(id -> signIns.session(id, clock.instant()));
        log.accept(session.map(s -> Printable.field(s.arn())).orElse("-") + " console "
                + Printable.field(exchange.getRequestMethod()) + " " + (session.isPresent() ? "OK" : "NotSignedIn"));
        String body = session.map(ConsolePage::page)
                .orElse(html(
                        "not signed in",
                        "<p>No console session: sign in through " + FederationEndpoint.PATH
                                + "?Action=login with a sign-in token (rolehop console --profile P).</p>"));
        FederationEndpoint.send(exchange, session.isPresent() ? 200 : 401, "text/html; charset=utf-8", body);
    }

    private static Optional<String> cookie(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : headers) {
            for (String part : header.split(";")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals(FederationEndpoint.COOKIE)) {
                    return Optional.of(pair[1]);
                }
            }
        }
        return Optional.empty();
    }

    private static String page(ConsoleSession s) {
        return html(
                "console",
                "<dl><dt>Account</dt><dd id=\"account\">" + Html.escape(s.accountId()) + "</dd>"
                        + "<dt>Signed in as</dt><dd id=\"arn\">" + Html.escape(s.arn()) + "</dd>"
                        + "<dt>User id</dt><dd id=\"user-id\">" + Html.escape(s.userId()) + "</dd>"
                        + "<dt>Session ends</dt><dd id=\"expiration\">" + s.expiration() + "</dd>"
                        + (s.issuer() == null
                                ? ""
                                : "<dt>Issuer</dt><dd id=\"issuer\">" + Html.escape(s.issuer()) + "</dd>")
                        + "</dl>");
    }

    private static String html(String title, String content) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>rolehop local: " + title
                + "</title></head><body><h1>rolehop local console</h1>" + content + "</body></html>\n";
    }
}
