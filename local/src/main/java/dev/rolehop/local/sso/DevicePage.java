package dev.rolehop.local.sso;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.rolehop.local.text.Html;
import dev.rolehop.local.text.Printable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The verification page of the device flow ({@value #PATH}): the user enters the code the sign-in
 * printed (or follows the link that carries it), picks an Identity Center user and approves or
 * denies. {@code rolehop local sso-approve} posts the same form, asking for a plain-text answer.
 */
final class DevicePage implements HttpHandler {

    /** Where the page is served; the verification URI StartDeviceAuthorization answers. */
    static final String PATH = "/device";

    private final IdentityCenterSessions sessions;
    private final Clock clock;
    private final Consumer<String> log;

    DevicePage(IdentityCenterSessions sessions, Clock clock, Consumer<String> log) {
        this.sessions = sessions;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        boolean text =
                String.valueOf(exchange.getRequestHeaders().getFirst("Accept")).contains("text/plain");
        int status = 200;
        String message;
        String outcome = "OK";
        try {
            if (exchange.getRequestMethod().equals("POST")) {
                Map<String, String> form = JsonExchange.query(
                        new String(exchange.getRequestBody().readNBytes(8192), StandardCharsets.UTF_8));
                boolean approve = !"deny".equals(form.get("action"));
                String user = form.get("user");
                sessions.center(SsoError.INVALID_REQUEST);
                sessions.decide(form.get("user_code"), user, approve, clock.instant());
                message = approve
                        ? "Approved: the sign-in is now " + user + "'s; return to the command that asked."
                        : "Denied: the sign-in will fail.";
                outcome = approve ? "Approved" : "Denied";
            } else {
                message = null;
            }
        } catch (IllegalArgumentException | SsoException e) {
            status = 400;
            outcome = "Refused";
            message = e.getMessage();
        }
        log.accept("- sso-device " + exchange.getRequestMethod() + " " + Printable.field(outcome));
        String query = exchange.getRequestURI().getRawQuery();
        String code = JsonExchange.query(query).getOrDefault("user_code", "");
        byte[] bytes =
                (text ? (message == null ? "" : message) + "\n" : html(code, message)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", text ? "text/plain; charset=utf-8" : "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String html(String code, String message) {
        StringBuilder users = new StringBuilder();
        try {
            for (String user : sessions.center(SsoError.INVALID_REQUEST).users()) {
                users.append("<option>").append(Html.escape(user)).append("</option>");
            }
        } catch (SsoException e) {
            message = e.getMessage();
        }
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>rolehop local: authorize a sign-in</title>"
                + "</head><body><h1>Authorize a sign-in to rolehop local</h1>"
                + (message == null ? "" : "<p><strong>" + Html.escape(message) + "</strong></p>")
                + "<form method=\"post\" action=\"" + PATH + "\">"
                + "<p><label>Code <input name=\"user_code\" value=\"" + Html.escape(code) + "\" autofocus></label></p>"
                + "<p><label>Sign in as <select name=\"user\">" + users + "</select></label></p>"
                + "<p><button name=\"action\" value=\"approve\">Allow</button> "
                + "<button name=\"action\" value=\"deny\">Deny</button></p></form></body></html>\n";
    }
}
