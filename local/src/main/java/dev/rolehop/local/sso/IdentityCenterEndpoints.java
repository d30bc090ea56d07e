package dev.rolehop.local.sso;

import com.sun.net.httpserver.HttpServer;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.world.World;
import java.net.URI;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Serves IAM Identity Center on a rolehop local's port beside the query-protocol services: SSO
 * OIDC, the SSO portal and the device verification page, each at its own paths (the AWS services
 * live on separate hosts; their paths do not collide).
 */
public final class IdentityCenterEndpoints {

    private IdentityCenterEndpoints() {}

    /**
     * Adds the Identity Center contexts to {@code server}, whose address is {@code endpoint}.
     *
     * @param log receives one line per request (operation and outcome, never a token)
     */
    public static void install(
            HttpServer server, URI endpoint, World world, WorldState state, Clock clock, Consumer<String> log) {
        IdentityCenterSessions sessions = new IdentityCenterSessions(world.identityCenter());
        OidcHandler oidc = new OidcHandler(sessions, endpoint.resolve(DevicePage.PATH), clock, log);
        OidcHandler.paths().forEach(path -> server.createContext(path, oidc));
        PortalHandler portal = new PortalHandler(world, state, sessions, clock, log);
        PortalHandler.paths().forEach(path -> server.createContext(path, portal));
        server.createContext(DevicePage.PATH, new DevicePage(sessions, clock, log));
    }
}
