package dev.rolehop.creds.sso;

import dev.rolehop.creds.cache.AtomicFile;
import dev.rolehop.creds.cache.Timestamps;
import dev.rolehop.python.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS CLI's IAM Identity Center token cache, {@code ~/.aws/sso/cache/<key>.json}, in the CLI's
 * file names and layout, so a sign-in by either tool serves both.
 *
 * <p>The key is botocore's {@code SSOTokenLoader} key: the SHA-1 (hex) of the {@code sso-session}
 * name, or of the start URL for a legacy profile. The layout is what botocore's
 * {@code SSOTokenFetcher} writes: {@code startUrl}, {@code region}, {@code accessToken},
 * {@code expiresAt} ({@code 2026-11-24T08:00:00Z}), {@code clientId}, {@code clientSecret},
 * {@code registrationExpiresAt}, {@code refreshToken}. Written atomically, 0600, in a 0700 directory.
 */
public final class SsoTokenCache {

    private final Path directory;

    /** A cache in {@code directory}, normally {@code ~/.aws/sso/cache}. */
    public SsoTokenCache(Path directory) {
        this.directory = directory;
    }

    /** The cache directory. */
    public Path directory() {
        return directory;
    }

    /** The file of a sign-in: by {@code sso-session} name when there is one, else by start URL. */
    public Path file(SsoConfig config) {
        String name = config.sessionName() != null ? config.sessionName() : config.startUrl();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(name.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    /**
     * The cached token of a sign-in; empty when there is none.
     *
     * @throws IllegalArgumentException when the file is not a token (naming what is wrong, never a value)
     * @throws IOException when it cannot be read
     */
    public Optional<SsoToken> read(SsoConfig config) throws IOException {
        String text;
        try {
            text = Files.readString(file(config), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(parse(text));
    }

    /** Writes the token of a sign-in, atomically and 0600. */
    public void write(SsoConfig config, SsoToken token) throws IOException {
        AtomicFile.ensurePrivateDirectory(directory);
        AtomicFile.write(file(config), toJson(token).getBytes(StandardCharsets.UTF_8), AtomicFile.PRIVATE);
    }

    /**
     * The tokens of every cached sign-in (files holding an {@code accessToken}), for sign-out;
     * files that are not tokens (the AWS CLI's client registrations) are left out.
     */
    public List<Map.Entry<Path, SsoToken>> all() throws IOException {
        List<Map.Entry<Path, SsoToken>> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return out;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                try {
                    out.add(Map.entry(file, parse(Files.readString(file, StandardCharsets.UTF_8))));
                } catch (IllegalArgumentException | IOException notAToken) {
                    // A client registration, or a file the AWS CLI would not load either.
                }
            }
        }
        return out;
    }

    static String toJson(SsoToken token) {
        Map<String, Object> json = new LinkedHashMap<>();
        put(json, "startUrl", token.startUrl());
        put(json, "region", token.region());
        json.put("accessToken", token.accessToken());
        json.put("expiresAt", Timestamps.utcSeconds(token.expiresAt()));
        put(json, "clientId", token.clientId());
        put(json, "clientSecret", token.clientSecret());
        if (token.registrationExpiresAt() != null) {
            json.put("registrationExpiresAt", Timestamps.utcSeconds(token.registrationExpiresAt()));
        }
        put(json, "refreshToken", token.refreshToken());
        return Json.dumps(json);
    }

    private static void put(Map<String, Object> json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    static SsoToken parse(String text) {
        Object parsed;
        try {
            parsed = Json.loads(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (!(parsed instanceof Map<?, ?> json)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!(json.get("accessToken") instanceof String accessToken)) {
            throw new IllegalArgumentException("no accessToken");
        }
        Instant expiresAt =
                time(json, "expiresAt").orElseThrow(() -> new IllegalArgumentException("no expiresAt timestamp"));
        return new SsoToken(
                accessToken,
                expiresAt,
                string(json, "refreshToken"),
                string(json, "clientId"),
                string(json, "clientSecret"),
                time(json, "registrationExpiresAt").orElse(null),
                string(json, "region"),
                string(json, "startUrl"));
    }

    private static String string(Map<?, ?> json, String key) {
        return json.get(key) instanceof String value ? value : null;
    }

    private static Optional<Instant> time(Map<?, ?> json, String key) {
        return Timestamps.parse(string(json, key));
    }
}
