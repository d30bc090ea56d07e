package dev.rolehop.engine.template.ansible;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ansible's {@code password} lookup: {@code PATH [length=N] [chars=a,b] [seed=S]}. A password
 * file that exists is read (its first part, before {@code " salt="}); otherwise a password of
 * {@code length} characters drawn from {@code chars} is made and written there (folders 0700,
 * file 0600, a trailing newline), except for {@code /dev/null}. With a {@code seed} the password
 * is Python's {@code random.Random(seed)} choice, so it is the one Ansible makes. Not done:
 * {@code encrypt} (and so {@code ident}), which needs passlib's hashes.
 */
final class PasswordLookup implements Lookup {
    private static final Set<String> PARAMETERS = Set.of("length", "encrypt", "chars", "ident", "seed");

    /** The attributes of Python's {@code string} module a {@code chars} entry may name. */
    private static final Map<String, String> STRING_MODULE = Map.of(
            "ascii_letters", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "ascii_lowercase", "abcdefghijklmnopqrstuvwxyz",
            "ascii_uppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "digits", "0123456789",
            "hexdigits", "0123456789abcdefABCDEF",
            "octdigits", "01234567",
            "punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
            "whitespace", " \t\n\r\u000b\f",
            "printable",
                    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                            + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\u000b\f");

    @Override
    public List<Object> run(List<Object> terms, Map<String, Object> options, LookupContext context) {
        Lookups.accept("password", options, PARAMETERS.toArray(String[]::new));
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            Map<String, Object> params = new LinkedHashMap<>(options);
            String relpath = parse(PythonRepr.str(term), params);
            if (params.get("encrypt") != null) {
                throw new AnsibleFilterError(
                        "the password lookup's encrypt option is not supported by rolehop (it needs passlib's hashes)",
                        "AnsibleError");
            }
            result.add(password(context.path(relpath), params));
        }
        return result;
    }

    /** Splits {@code PATH k=v...} as Ansible's {@code _parse_parameters}; fills params, returns the path. */
    private static String parse(String term, Map<String, Object> params) {
        String[] first = term.split(" ", 2);
        if (first.length == 1) {
            return term;
        }
        StringBuilder path = new StringBuilder(first[0]);
        for (String word : first[1].strip().split("\\s+")) {
            int equals = word.indexOf('=');
            if (equals > 0) {
                params.put(word.substring(0, equals), unquote(word.substring(equals + 1)));
            } else if (!word.isEmpty()) {
                path.append(' ').append(word);
            }
        }
        if (!term.startsWith(path.toString())) {
            throw new AnsibleFilterError(
                    "Unrecognized value after key=value parameters given to password lookup", "AnsibleError");
        }
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(PARAMETERS);
        if (!unknown.isEmpty()) {
            throw new AnsibleFilterError(
                    "Unrecognized parameter(s) given to password lookup: " + String.join(", ", unknown),
                    "AnsibleError");
        }
        return path.toString();
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    private static String password(Path path, Map<String, Object> params) {
        boolean store = !path.toString().equals("/dev/null");
        try {
            if (store && Files.exists(path)) {
                String content = Files.readString(path, StandardCharsets.UTF_8).stripTrailing();
                int salt = content.lastIndexOf(" salt=");
                return salt >= 0 ? content.substring(0, salt) : content;
            }
            String password = generate(params);
            if (store) {
                write(path, password);
            }
            return password;
        } catch (IOException e) {
            throw new AnsibleFilterError(
                    "could not read or write the password file " + path + ": " + e.getMessage(), "AnsibleError");
        }
    }

    private static String generate(Map<String, Object> params) {
        long length = length(params.getOrDefault("length", 20L));
        String chars = candidates(params.getOrDefault("chars", List.of("ascii_letters", "digits", ".,:-_")));
        Object seed = params.get("seed");
        PythonRandom random = PythonRandom.seeded(
                seed == null
                        ? ThreadLocalRandom.current().nextLong()
                        : PythonRepr.str(seed)); // the seed option is a string, even when given a number
        List<String> characters = new ArrayList<>();
        chars.codePoints().forEach(c -> characters.add(new String(Character.toChars(c))));
        StringBuilder password = new StringBuilder();
        for (long i = 0; i < length; i++) {
            password.append(random.choice(characters));
        }
        return password.toString();
    }

    /** Python's {@code int(length)}. */
    private static long length(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        try {
            return Long.parseLong(PythonRepr.str(value).strip());
        } catch (NumberFormatException e) {
            throw new AnsibleFilterError(
                    "invalid literal for int() with base 10: " + PythonRepr.repr(value), "ValueError");
        }
    }

    /**
     * The candidate characters: each entry the {@code string} module attribute it names or
     * itself; a {@code chars} string is split on commas ({@code ,,} is a comma); quotes dropped.
     */
    private static String candidates(Object chars) {
        List<String> specs = new ArrayList<>();
        if (chars instanceof CharSequence text) {
            String spec = text.toString();
            if (spec.contains(",,")) {
                specs.add(",");
            }
            for (String part : spec.replace(",,", ",").split(",")) {
                if (!part.isEmpty()) {
                    specs.add(part);
                }
            }
        } else {
            PythonValues.iterable(chars).forEach(spec -> specs.add(PythonRepr.str(spec)));
        }
        StringBuilder candidates = new StringBuilder();
        specs.forEach(spec -> candidates.append(STRING_MODULE.getOrDefault(spec, spec)));
        return candidates.toString().replace("\"", "").replace("'", "");
    }

    private static void write(Path path, String password) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.writeString(path, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
}
