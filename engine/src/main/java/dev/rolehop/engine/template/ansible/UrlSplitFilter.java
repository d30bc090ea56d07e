package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Ansible's {@code urlsplit(query='')}: the attributes of Python's {@code urllib.parse.urlsplit}
 * result as a dict in {@code dir()} order, or the one named. Python's rules, not
 * {@link java.net.URI}'s: a scheme only when it is letters, digits and {@code +-.} after a
 * letter, lowercased; the network location after {@code //} up to {@code /?#}; {@code ;params}
 * stay in the path; {@code hostname} lowercased, {@code port} an int, missing parts None.
 */
final class UrlSplitFilter {
    private static final String SCHEME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.";

    private UrlSplitFilter() {}

    static PluginFilter filter() {
        return new PluginFilter("urlsplit", UrlSplitFilter::urlsplit);
    }

    private static Object urlsplit(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("query");
        Map<String, Object> parts = split(PythonRepr.str(value));
        String query = PythonRepr.str(args.get(0, "query", ""));
        if (query.isEmpty()) {
            return parts;
        }
        if (!parts.containsKey(query)) {
            throw new AnsibleFilterError("urlsplit: unknown URL component: " + query);
        }
        return parts.get(query);
    }

    static Map<String, Object> split(String text) {
        String url = text.stripLeading().replace("\t", "").replace("\r", "").replace("\n", "");
        String scheme = "";
        String netloc = "";
        String query = "";
        String fragment = "";
        int colon = url.indexOf(':');
        if (colon > 0
                && Character.isLetter(url.charAt(0))
                && url.charAt(0) < 128
                && url.substring(0, colon).chars().allMatch(c -> SCHEME_CHARS.indexOf(c) >= 0)) {
            scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
            url = url.substring(colon + 1);
        }
        if (url.startsWith("//")) {
            int end = url.length();
            for (char delimiter : new char[] {'/', '?', '#'}) {
                int at = url.indexOf(delimiter, 2);
                if (at >= 0) {
                    end = Math.min(end, at);
                }
            }
            netloc = url.substring(2, end);
            url = url.substring(end);
            if (netloc.contains("[") != netloc.contains("]")) {
                throw new AnsibleFilterError("Invalid IPv6 URL", "ValueError");
            }
        }
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash + 1);
            url = url.substring(0, hash);
        }
        int question = url.indexOf('?');
        if (question >= 0) {
            query = url.substring(question + 1);
            url = url.substring(0, question);
        }
        String userinfo = netloc.contains("@") ? netloc.substring(0, netloc.lastIndexOf('@')) : null;
        String hostinfo = netloc.substring(netloc.lastIndexOf('@') + 1);
        String hostname;
        String port;
        int open = hostinfo.indexOf('[');
        if (open >= 0) {
            String bracketed = hostinfo.substring(open + 1);
            int close = bracketed.indexOf(']');
            hostname = close >= 0 ? bracketed.substring(0, close) : bracketed;
            String after = close >= 0 ? bracketed.substring(close + 1) : "";
            port = after.contains(":") ? after.substring(after.indexOf(':') + 1) : "";
        } else {
            int portColon = hostinfo.indexOf(':');
            hostname = portColon >= 0 ? hostinfo.substring(0, portColon) : hostinfo;
            port = portColon >= 0 ? hostinfo.substring(portColon + 1) : "";
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("fragment", fragment);
        parts.put("hostname", hostname.isEmpty() ? null : lowerBeforeZone(hostname));
        parts.put("netloc", netloc);
        parts.put(
                "password",
                userinfo != null && userinfo.contains(":") ? userinfo.substring(userinfo.indexOf(':') + 1) : null);
        parts.put("path", url);
        parts.put("port", port(port));
        parts.put("query", query);
        parts.put("scheme", scheme);
        parts.put("username", userinfo == null ? null : userinfo.split(":", 2)[0]);
        return parts;
    }

    /** Python lowercases a hostname up to its IPv6 zone ({@code %eth0}), which keeps its case. */
    private static String lowerBeforeZone(String hostname) {
        int zone = hostname.indexOf('%');
        return zone < 0
                ? hostname.toLowerCase(Locale.ROOT)
                : hostname.substring(0, zone).toLowerCase(Locale.ROOT) + hostname.substring(zone);
    }

    private static Object port(String port) {
        if (port.isEmpty()) {
            return null;
        }
        if (!port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new AnsibleFilterError(
                    "Port could not be cast to integer value as " + PythonRepr.repr(port), "ValueError");
        }
        long number = Long.parseLong(port.length() > 18 ? "99999999" : port);
        if (number > 65535) {
            throw new AnsibleFilterError("Port out of range 0-65535", "ValueError");
        }
        return number;
    }
}
