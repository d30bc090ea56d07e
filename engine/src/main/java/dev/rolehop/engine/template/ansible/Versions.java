package dev.rolehop.engine.template.ansible;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares version strings as Ansible's {@code version} test does, with its three schemes:
 * {@code LooseVersion} (default), {@code StrictVersion} ({@code strict=True} or
 * {@code version_type='strict'}) and {@code SemanticVersion} ({@code 'semver'}/{@code 'semantic'}).
 */
final class Versions {
    private static final Pattern LOOSE_COMPONENT = Pattern.compile("\\d+|[a-z]+|\\.");
    private static final Pattern STRICT = Pattern.compile("^(\\d+)\\.(\\d+)(\\.(\\d+))?([ab](\\d+))?$");
    private static final Pattern SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    private Versions() {}

    /** Returns the sign of comparing {@code a} with {@code b} under the named scheme. */
    static int compare(String a, String b, String scheme) {
        return switch (scheme) {
            case "strict" -> PythonValues.compare(strict(a), strict(b));
            case "semver", "semantic" -> semver(a, b);
            default -> PythonValues.compare(loose(a), loose(b));
        };
    }

    /** LooseVersion's components: digit runs as ints, everything else as text, dots dropped. */
    private static List<Object> loose(String version) {
        List<Object> components = new ArrayList<>();
        Matcher matcher = LOOSE_COMPONENT.matcher(version);
        int last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                components.add(version.substring(last, matcher.start()));
            }
            String part = matcher.group();
            if (!part.equals(".")) {
                components.add(Character.isDigit(part.charAt(0)) ? (Object) new BigInteger(part) : part);
            }
            last = matcher.end();
        }
        if (last < version.length()) {
            components.add(version.substring(last));
        }
        return components;
    }

    /**
     * StrictVersion as a comparable list: (major, minor, patch, release rank, prerelease...),
     * a final release ranking above any pre-release of the same number.
     */
    private static List<Object> strict(String version) {
        Matcher matcher = STRICT.matcher(version);
        if (!matcher.matches()) {
            throw new AnsibleFilterError("Version comparison failed: invalid version number '" + version + "'");
        }
        List<Object> key = new ArrayList<>();
        key.add(Long.parseLong(matcher.group(1)));
        key.add(Long.parseLong(matcher.group(2)));
        key.add(matcher.group(4) == null ? 0L : Long.parseLong(matcher.group(4)));
        if (matcher.group(5) == null) {
            key.add(1L);
        } else {
            key.add(0L);
            key.add(matcher.group(5).substring(0, 1));
            key.add(Long.parseLong(matcher.group(6)));
        }
        return key;
    }

    private static int semver(String a, String b) {
        Matcher x = semverMatch(a);
        Matcher y = semverMatch(b);
        for (int g = 1; g <= 3; g++) {
            int order = new BigInteger(x.group(g)).compareTo(new BigInteger(y.group(g)));
            if (order != 0) {
                return order;
            }
        }
        String xp = x.group(4);
        String yp = y.group(4);
        if (xp == null || yp == null) {
            return xp == null ? (yp == null ? 0 : 1) : -1;
        }
        String[] xs = xp.split("\\.");
        String[] ys = yp.split("\\.");
        for (int i = 0; i < Math.min(xs.length, ys.length); i++) {
            int order = identifier(xs[i], ys[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(xs.length, ys.length);
    }

    /** Numeric identifiers compare numerically and rank below alphanumeric ones. */
    private static int identifier(String a, String b) {
        boolean an = a.chars().allMatch(Character::isDigit);
        boolean bn = b.chars().allMatch(Character::isDigit);
        if (an && bn) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static Matcher semverMatch(String version) {
        Matcher matcher = SEMVER.matcher(version);
        if (!matcher.matches()) {
            throw new AnsibleFilterError("Version comparison failed: invalid semantic version '" + version + "'");
        }
        return matcher;
    }
}
