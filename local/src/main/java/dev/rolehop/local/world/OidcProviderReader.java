package dev.rolehop.local.world;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import dev.rolehop.local.text.Printable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an account's {@code oidc_providers} entry of the world file, with IAM's rules for the
 * URL, client ids and thumbprints, and the issuer's keys from a JWK set file beside the world.
 */
final class OidcProviderReader {

    /** IAM's provider URL: https, a host, an optional path; no port, query or fragment. */
    private static final Pattern URL = Pattern.compile("https://[A-Za-z0-9.-]+(/[A-Za-z0-9._~/-]*)?");

    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-Fa-f]{40}");
    private static final int MAX_CLIENT_IDS = 100;
    private static final int MAX_THUMBPRINTS = 5;

    private OidcProviderReader() {}

    static OidcProvider read(String file, Node node, String accountId, Set<String> seen) {
        YamlMap m =
                new YamlMap(file, node, "an OIDC provider", Set.of("url", "client_ids", "thumbprints", "keys_file"));
        String url = m.string(
                "url", URL, "an issuer URL is https://HOST[/PATH] (no port, query or trailing slash), as IAM wants it");
        if (url.endsWith("/")) {
            throw m.error(m.node("url"), "'url' must not end with '/': the tokens' iss claim must equal it");
        }
        if (!seen.add("oidc:" + accountId + ":" + url)) {
            throw m.error(m.node("url"), "OIDC provider " + url + " is defined twice in account " + accountId);
        }
        List<String> clientIds = strings(m, "client_ids", Pattern.compile("\\S{1,255}"), "1-255 characters");
        if (clientIds.isEmpty() || clientIds.size() > MAX_CLIENT_IDS) {
            throw m.error(
                    m.node("client_ids") == null ? m.self() : m.node("client_ids"),
                    "'client_ids' must list 1 to " + MAX_CLIENT_IDS
                            + " audiences the provider's tokens are issued for (e.g. sts.amazonaws.com)");
        }
        List<String> thumbprints = strings(m, "thumbprints", THUMBPRINT, "40 hexadecimal digits (a SHA-1)");
        if (thumbprints.size() > MAX_THUMBPRINTS) {
            throw m.error(m.node("thumbprints"), "'thumbprints' lists at most " + MAX_THUMBPRINTS + " (IAM's limit)");
        }
        String keysFile = m.string("keys_file", Pattern.compile(".+"), "the path of a JWK set file");
        Path keysPath = resolve(file, keysFile);
        return new OidcProvider(accountId, url, clientIds, thumbprints, keys(m, keysPath), keysPath.toString());
    }

    private static List<String> strings(YamlMap m, String key, Pattern pattern, String rule) {
        List<String> out = new ArrayList<>();
        for (Node n : m.list(key)) {
            String value = m.scalarText(n, "an item of '" + key + "'");
            if (!pattern.matcher(value).matches()) {
                throw m.error(n, "'" + key + "' item '" + Printable.line(value) + "' is not valid: " + rule);
            }
            out.add(value);
        }
        return out;
    }

    /** A keys file is relative to the world file's directory, so a world and its keys move together. */
    private static Path resolve(String worldFile, String keysFile) {
        Path dir = Path.of(worldFile).toAbsolutePath().getParent();
        return dir.resolve(keysFile).normalize();
    }

    private static JWKSet keys(YamlMap m, Path path) {
        JWKSet set;
        try {
            set = JWKSet.parse(Files.readString(path));
        } catch (NoSuchFileException e) {
            throw m.error(
                    m.node("keys_file"),
                    "keys_file " + path + " does not exist (rolehop local init writes one; "
                            + "or point it at the issuer's JWK set)");
        } catch (IOException e) {
            throw m.error(
                    m.node("keys_file"),
                    "keys_file " + path + " cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (ParseException e) {
            // The parser's message may quote the file's content, which can hold a private key.
            throw m.error(m.node("keys_file"), "keys_file " + path + " is not a JWK set ({\"keys\": [...]})");
        }
        List<JWK> rsa = set.getKeys().stream()
                .filter(k -> KeyType.RSA.equals(k.getKeyType()))
                .toList();
        if (rsa.isEmpty() || rsa.stream().anyMatch(k -> k.getKeyID() == null)) {
            throw m.error(
                    m.node("keys_file"),
                    "keys_file " + path + " must hold RSA keys (RS256), each with a key id (\"kid\")");
        }
        return new JWKSet(rsa);
    }
}
