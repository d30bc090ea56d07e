package dev.rolehop.local;

import com.sun.net.httpserver.HttpServer;
import dev.rolehop.local.auth.Authenticator;
import dev.rolehop.local.auth.Totp;
import dev.rolehop.local.ec2.Ec2Handler;
import dev.rolehop.local.federation.FederationEndpoint;
import dev.rolehop.local.iam.IamHandler;
import dev.rolehop.local.imds.InstanceMetadataEndpoint;
import dev.rolehop.local.oidc.TestTokens;
import dev.rolehop.local.sso.IdentityCenterEndpoints;
import dev.rolehop.local.state.IamDirectory;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.sts.StsHandler;
import dev.rolehop.local.world.MfaDevice;
import dev.rolehop.local.world.Role;
import dev.rolehop.local.world.World;
import dev.rolehop.local.world.WorldException;
import dev.rolehop.local.world.WorldLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An embedded AWS endpoint (STS, IAM, an EC2 subset and IAM Identity Center) on one local port, serving a world
 * file's accounts with SigV4 checking and, optionally, durable state.
 *
 * <pre>{@code
 * try (LocalAws local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0))) {
 *     StsClient sts = StsClient.builder().endpointOverride(local.endpoint()).region(Region.US_EAST_1)...
 * }
 * }</pre>
 */
public final class LocalAws implements AutoCloseable {

    /**
     * Threads serving requests. The JDK server reads a request's line, headers and body on the
     * thread that then handles it, so a slow client holds a thread until it is done or cut off
     * ({@link #MAX_REQUEST_SECONDS}): many threads keep slow clients from starving the rest.
     * Threads are started as they are needed.
     */
    static final int THREADS = 256;

    /**
     * Seconds a request may take to arrive (request line, headers and body, from its first byte),
     * and that a new connection may stay silent; the server closes the connection after that.
     */
    public static final int MAX_REQUEST_SECONDS = 5;

    /** Seconds an answer may take from the end of its request until the client has read it. */
    static final int MAX_RESPONSE_SECONDS = 60;

    /** Open connections at most; a connection beyond them is closed at once. */
    static final int MAX_CONNECTIONS = 512;

    /**
     * The JDK server's limits, read once when its first instance starts (static fields of
     * sun.net.httpserver.ServerConfig), so they are set before {@code HttpServer.create}; a value
     * given on the command line (-D) is kept.
     */
    private static final Map<String, String> SERVER_LIMITS = Map.of(
            // Without TCP_NODELAY the JDK server's separate header and body writes meet the
            // client's delayed ACK: every answer waits ~40 ms.
            "sun.net.httpserver.nodelay",
            "true",
            "sun.net.httpserver.maxReqTime",
            String.valueOf(MAX_REQUEST_SECONDS),
            "sun.net.httpserver.maxRspTime",
            String.valueOf(MAX_RESPONSE_SECONDS),
            // How often request and response times are checked (ms).
            "sun.net.httpserver.timerMillis",
            "500",
            // How often idle and silent connections are checked (ms); the default is 10 s.
            "sun.net.httpserver.clockTick",
            "1000",
            "sun.net.httpserver.maxReqHeaders",
            "100",
            "sun.net.httpserver.maxReqHeaderSize",
            String.valueOf(64 * 1024),
            "jdk.httpserver.maxConnections",
            String.valueOf(MAX_CONNECTIONS));

    /**
     * How to run the endpoint.
     *
     * @param world the world file (YAML, docs/local.md)
     * @param state the state file, or null to keep state in memory only
     * @param host the address to bind, normally 127.0.0.1
     * @param port the port, 0 for a free one
     * @param clock the service clock (signature skew, expiry, MFA codes); the system UTC clock by default
     * @param log receives one line per request; discarded by default
     * @param throttleEvery answer every Nth authenticated request with the service's throttling
     *     error (EC2 {@code RequestLimitExceeded}, STS/IAM {@code Throttling}), to test retries;
     *     0, the default, never throttles
     * @param instanceRole the ARN of a role (of the world file, or created through IAM before the start) that the instance metadata service under
     *     {@code /latest/} hands out as an instance profile's, or null (the default) for none
     */
    public record Options(
            Path world,
            Path state,
            String host,
            int port,
            Clock clock,
            Consumer<String> log,
            int throttleEvery,
            String instanceRole) {

        public Options {
            Objects.requireNonNull(world, "world");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(log, "log");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not 0-65535");
            }
            if (throttleEvery < 0) {
                throw new IllegalArgumentException(
                        "throttle every " + throttleEvery + " requests: give 0 (never) or more");
            }
        }

        /** Options with the system clock, no request log and no throttling. */
        public Options(Path world, Path state, String host, int port) {
            this(world, state, host, port, Clock.systemUTC(), line -> {}, 0, null);
        }

        /** These options with another service clock. */
        public Options withClock(Clock newClock) {
            return new Options(world, state, host, port, newClock, log, throttleEvery, instanceRole);
        }

        /** These options with a request log. */
        public Options withLog(Consumer<String> newLog) {
            return new Options(world, state, host, port, clock, newLog, throttleEvery, instanceRole);
        }

        /** These options throttling every Nth request (0: never). */
        public Options withThrottleEvery(int n) {
            return new Options(world, state, host, port, clock, log, n, instanceRole);
        }

        /** These options with an instance profile role for the instance metadata service. */
        public Options withInstanceRole(String roleArn) {
            return new Options(world, state, host, port, clock, log, throttleEvery, roleArn);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;

    private final WorldState state;

    private LocalAws(HttpServer server, ExecutorService executor, URI endpoint, WorldState state) {
        this.server = server;
        this.executor = executor;
        this.endpoint = endpoint;
        this.state = state;
    }

    /**
     * Loads the world, opens the state and starts serving.
     *
     * @throws WorldException when the world file is missing or invalid (message has file:line)
     * @throws IllegalArgumentException when the state file cannot be read, or the instance role is
     *     not a role of the world
     * @throws IllegalStateException when another rolehop local holds the state file (message names its pid)
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static LocalAws start(Options options) {
        World world = WorldLoader.load(options.world());
        WorldState state = WorldState.open(world, options.state());
        try {
            return serve(options, world, state);
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
    }

    private static LocalAws serve(Options options, World world, WorldState state) {
        Role instanceRole = options.instanceRole() == null
                ? null
                // A role of the world file, or one created through IAM and kept in the state file.
                : new IamDirectory(world, state)
                        .roleByArn(options.instanceRole())
                        .orElseThrow(() -> new IllegalArgumentException("instance role " + options.instanceRole()
                                + " is not a role of the world file " + options.world()
                                + " nor of the state; give the ARN of one of its roles"
                                + " (arn:aws:iam::ACCOUNT:role/NAME)"));
        Authenticator authenticator = new Authenticator(world, state, options.clock());
        LocalRouter router = new LocalRouter(
                List.of(new StsHandler(world, state), new IamHandler(world, state), new Ec2Handler(world, state)),
                authenticator,
                new Throttle(options.throttleEvery()),
                options.clock(),
                options.log());
        SERVER_LIMITS.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage()
                            + " (choose another --port, or 0 for a free one)",
                    e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor =
                new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "rolehop-local-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        // Threads come and go with the load: an idle endpoint keeps none.
        executor.allowCoreThreadTimeOut(true);
        String host = server.getAddress().getAddress().getHostAddress();
        URI endpoint = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + server.getAddress().getPort());
        server.createContext("/", router);
        IdentityCenterEndpoints.install(server, endpoint, world, state, options.clock(), options.log());
        FederationEndpoint.install(server, authenticator, state, options.clock(), options.log());
        server.createContext(
                InstanceMetadataEndpoint.PATH,
                new InstanceMetadataEndpoint(instanceRole, world, state, options.clock(), options.log()));
        server.setExecutor(executor);
        server.start();
        return new LocalAws(server, executor, endpoint, state);
    }

    /** The endpoint URL, {@code http://127.0.0.1:PORT}, for {@code endpointOverride} and {@code --endpoint-url}. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Stops serving: no new requests, and up to two seconds for requests in flight to finish
     * (their state writes are atomic either way). {@code stop(0)} because idle keep-alive
     * connections would otherwise hold it for its whole delay.
     */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        // Requests still running after the grace period wait on the state's monitor; the lock
        // goes once they are done with it.
        state.close();
    }

    /**
     * A web identity token (an RS256 JWT) signed by an OIDC provider of a world, as its issuer would
     * sign it; the provider's keys file must hold its private key (one from {@code DemoWorld}).
     *
     * @param provider the provider's URL, name or ARN
     * @param audience the {@code aud}, or null for the provider's first client id
     * @throws WorldException when the world is invalid, has no such provider or no private key for it
     */
    public static String webIdentityToken(
            Path world, String provider, String subject, String audience, Duration lifetime, Instant now) {
        return TestTokens.mint(WorldLoader.load(world), provider, subject, audience, lifetime, now);
    }

    /**
     * The current code of a virtual MFA device of a world (RFC 6238, SHA-1, 6 digits, 30 s).
     *
     * @throws WorldException when the world is invalid or has no device with this serial
     */
    public static String mfaCode(Path world, String serialArn, Instant at) {
        World w = WorldLoader.load(world);
        MfaDevice device = w.mfaDevice(serialArn)
                .orElseThrow(() -> new WorldException(world
                        + ": no virtual MFA device '" + serialArn + "' (devices: "
                        + String.join(
                                ", ",
                                w.accounts().stream()
                                        .flatMap(a -> a.users().stream())
                                        .flatMap(u -> u.mfaDevices().stream())
                                        .map(MfaDevice::serial)
                                        .toList())
                        + ")"));
        return Totp.code(device.seed(), at);
    }
}
