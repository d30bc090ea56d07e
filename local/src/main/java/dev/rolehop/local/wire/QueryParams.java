package dev.rolehop.local.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parameters of an AWS query-protocol request, with the protocol's list conventions.
 *
 * <p>Lists are flattened as {@code Name.N} (EC2: {@code GroupId.1}, {@code Filter.1.Value.2}) or
 * {@code Name.member.N} (STS/IAM); {@link #values} and {@link #members} read both, ordered by N.
 */
public final class QueryParams {

    private final Map<String, String> params;

    private QueryParams(Map<String, String> params) {
        this.params = params;
    }

    /**
     * Parses {@code application/x-www-form-urlencoded} text (the body and the URL query).
     *
     * @throws AwsException {@code InvalidQueryParameter} (400) for a malformed %-escape
     */
    public static QueryParams parse(String... encodedParts) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String encoded : encodedParts) {
            if (encoded == null || encoded.isEmpty()) {
                continue;
            }
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.putIfAbsent(name, value);
            }
        }
        return new QueryParams(params);
    }

    /** Builds parameters from a map, for tests and nested views. */
    public static QueryParams of(Map<String, String> params) {
        return new QueryParams(new LinkedHashMap<>(params));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // "%zz" or a trailing "%": AWS answers 400, not a failure of its own.
            throw AwsErrorCode.INVALID_QUERY_PARAMETER.error();
        }
    }

    /** The value of a parameter, if present. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** The value of a parameter, or EC2/STS's {@code MissingParameter} error naming it. */
    public String required(String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw AwsErrorCode.MISSING_PARAMETER.error("The request must contain the parameter " + name);
        }
        return value;
    }

    /** The values of a flattened string list {@code prefix.N} or {@code prefix.member.N}. */
    public List<String> values(String prefix) {
        List<String> out = new ArrayList<>();
        for (QueryParams member : members(prefix)) {
            member.get("").ifPresent(out::add);
        }
        return out;
    }

    /**
     * The members of a flattened list of structures: for {@code prefix.N.Field=v} each member
     * holds {@code Field=v}; a scalar member {@code prefix.N=v} holds {@code ""=v}.
     */
    public List<QueryParams> members(String prefix) {
        TreeMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        collect(prefix + ".member.", byIndex);
        collect(prefix + ".", byIndex);
        List<QueryParams> out = new ArrayList<>();
        byIndex.values().forEach(m -> out.add(new QueryParams(m)));
        return out;
    }

    private void collect(String prefix, TreeMap<Integer, Map<String, String>> byIndex) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(prefix)) {
                continue;
            }
            String rest = name.substring(prefix.length());
            int dot = rest.indexOf('.');
            String index = dot < 0 ? rest : rest.substring(0, dot);
            if (index.isEmpty() || !index.chars().allMatch(Character::isDigit) || index.length() > 6) {
                continue;
            }
            String field = dot < 0 ? "" : rest.substring(dot + 1);
            byIndex.computeIfAbsent(Integer.parseInt(index), i -> new LinkedHashMap<>())
                    .putIfAbsent(field, e.getValue());
        }
    }

    /** Whether no parameter is present. */
    public boolean isEmpty() {
        return params.isEmpty();
    }

    @Override
    public String toString() {
        // Parameter names only: values may hold MFA codes or policy text.
        return "QueryParams" + params.keySet();
    }
}
