package dev.rolehop.local.sso;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.rolehop.local.state.SessionKind;
import dev.rolehop.local.state.TemporaryCredential;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.world.Account;
import dev.rolehop.local.world.IdentityCenter;
import dev.rolehop.local.world.World;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The SSO portal ({@code portal.sso.REGION.amazonaws.com}): GetRoleCredentials, ListAccounts,
 * ListAccountRoles and Logout, authorized by the access token in {@code x-amz-sso_bearer_token}.
 * Role credentials are temporary credentials of the permission set's role in the account
 * ({@code AWSReservedSSO_<PermissionSet>_<hex>}) with the user's name as session name, so
 * rolehop local's STS, IAM and EC2 accept them.
 */
final class PortalHandler implements HttpHandler {

    private static final Map<String, String> OPERATIONS = Map.of(
            "/federation/credentials", "GetRoleCredentials",
            "/assignment/accounts", "ListAccounts",
            "/assignment/roles", "ListAccountRoles",
            "/logout", "Logout");
    private static final int MAX_RESULTS = 1000;

    private final World world;
    private final WorldState state;
    private final IdentityCenterSessions sessions;
    private final Clock clock;
    private final Consumer<String> log;

    PortalHandler(World world, WorldState state, IdentityCenterSessions sessions, Clock clock, Consumer<String> log) {
        this.world = world;
        this.state = state;
        this.sessions = sessions;
        this.clock = clock;
        this.log = log;
    }

    /** The paths this handler serves. */
    static Iterable<String> paths() {
        return OPERATIONS.keySet();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        JsonExchange.serve(exchange, "sso", OPERATIONS::get, this::answer, log);
    }

    private JsonExchange.Answer answer(JsonExchange.Request request) {
        Instant now = clock.instant();
        IdentityCenter center = sessions.center(SsoError.PORTAL_INVALID_REQUEST);
        if (request.path().equals("/logout")) {
            String user = sessions.logout(request.bearerToken()).orElse("-");
            return new JsonExchange.Answer(Map.of(), user);
        }
        String user = sessions.user(request.bearerToken(), now);
        return new JsonExchange.Answer(
                switch (request.path()) {
                    case "/federation/credentials" -> roleCredentials(center, user, request, now);
                    case "/assignment/accounts" -> page(request, "accountList", accounts(center, user));
                    default -> page(request, "roleList", roles(center, user, request));
                },
                user);
    }

    private Map<String, Object> roleCredentials(
            IdentityCenter center, String user, JsonExchange.Request request, Instant now) {
        String roleName = request.required("role_name", SsoError.PORTAL_INVALID_REQUEST);
        String accountId = request.required("account_id", SsoError.PORTAL_INVALID_REQUEST);
        IdentityCenter.PermissionSet set = center.assignmentsOf(user).stream()
                .filter(a ->
                        a.accountId().equals(accountId) && a.permissionSet().equals(roleName))
                .findFirst()
                .flatMap(a -> center.permissionSet(a.permissionSet()))
                .orElseThrow(() -> SsoError.FORBIDDEN.error("No access"));
        TemporaryCredential issued = TemporaryCredential.issue(
                SessionKind.ASSUMED_ROLE,
                accountId,
                center.roleName(set.name()),
                user,
                now.plusSeconds(set.sessionDuration()),
                null,
                false);
        state.addSession(issued, now);
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("accessKeyId", issued.accessKeyId());
        credentials.put("secretAccessKey", issued.secretAccessKey());
        credentials.put("sessionToken", issued.sessionToken());
        credentials.put("expiration", issued.expiration().toEpochMilli());
        return Map.of("roleCredentials", credentials);
    }

    private List<Map<String, Object>> accounts(IdentityCenter center, String user) {
        List<Map<String, Object>> out = new ArrayList<>();
        center.assignmentsOf(user).stream()
                .map(IdentityCenter.Assignment::accountId)
                .distinct()
                .forEach(id -> {
                    Map<String, Object> account = new LinkedHashMap<>();
                    account.put("accountId", id);
                    account.put(
                            "accountName", world.account(id).map(Account::alias).orElse(id));
                    account.put("emailAddress", "aws+" + id + "@example.com");
                    out.add(account);
                });
        return out;
    }

    private List<Map<String, Object>> roles(IdentityCenter center, String user, JsonExchange.Request request) {
        String accountId = request.required("account_id", SsoError.PORTAL_INVALID_REQUEST);
        List<Map<String, Object>> out = new ArrayList<>();
        center.assignmentsOf(user).stream()
                .filter(a -> a.accountId().equals(accountId))
                .forEach(a -> {
                    Map<String, Object> role = new LinkedHashMap<>();
                    role.put("roleName", a.permissionSet());
                    role.put("accountId", accountId);
                    out.add(role);
                });
        return out;
    }

    /** One page of a list: {@code max_result} items from the position {@code next_token} names. */
    private static Map<String, Object> page(
            JsonExchange.Request request, String member, List<Map<String, Object>> all) {
        int max = number(request.query().get("max_result"), MAX_RESULTS, "max_result");
        int from = number(request.query().get("next_token"), 0, "next_token");
        if (max < 1 || max > MAX_RESULTS || from < 0 || from > all.size()) {
            throw SsoError.PORTAL_INVALID_REQUEST.error(
                    "max_result must be 1-" + MAX_RESULTS + " and next_token one this service returned");
        }
        int to = Math.min(all.size(), from + max);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(member, all.subList(from, to));
        if (to < all.size()) {
            body.put("nextToken", String.valueOf(to));
        }
        return body;
    }

    private static int number(String text, int absent, String name) {
        if (text == null) {
            return absent;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw SsoError.PORTAL_INVALID_REQUEST.error(name + " is not valid");
        }
    }
}
