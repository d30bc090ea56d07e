package dev.rolehop.engine.template.ansible;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code sequence} lookup ({@code with_sequence}): {@code [start-]end[/stride][:format]}
 * or {@code start= end=|count= stride= format=}, numbers in decimal, {@code 0x} hex or {@code 0} octal.
 */
final class SequenceLookup implements Lookup {
    private static final String NUM = "(0?x?[0-9a-f]+)";
    private static final Pattern SHORTCUT =
            Pattern.compile("^(" + NUM + "-)?" + NUM + "(/" + NUM + ")?(:(.+))?$", Pattern.CASE_INSENSITIVE);

    @Override
    public List<Object> run(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> results = new ArrayList<>();
        for (Object term : terms) {
            results.addAll(sequence(PythonRepr.str(term)));
        }
        return results;
    }

    private static List<Object> sequence(String term) {
        long start = 1;
        Long end = null;
        Long count = null;
        long stride = 1;
        String format = "%d";
        Matcher shortcut = SHORTCUT.matcher(term);
        if (shortcut.matches()) {
            start = shortcut.group(2) == null ? start : parse("start", shortcut.group(2));
            end = parse("end", shortcut.group(3));
            stride = shortcut.group(5) == null ? stride : parse("stride", shortcut.group(5));
            format = shortcut.group(7) == null ? format : shortcut.group(7);
        } else {
            Map<String, String> args = new LinkedHashMap<>();
            for (String pair : term.strip().split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    args.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            String raw;
            if ((raw = args.remove("start")) != null) {
                start = parse("start", raw);
            }
            if ((raw = args.remove("end")) != null) {
                end = parse("end", raw);
            }
            if ((raw = args.remove("count")) != null) {
                count = parse("count", raw);
            }
            if ((raw = args.remove("stride")) != null) {
                stride = parse("stride", raw);
            }
            if (args.containsKey("format")) {
                format = args.remove("format");
            }
            if (!args.isEmpty()) {
                throw error(
                        "unrecognized arguments to with_sequence: " + PythonRepr.repr(new ArrayList<>(args.keySet())));
            }
        }
        if (count == null && end == null) {
            throw error("must specify count or end in with_sequence");
        }
        if (count != null && end != null) {
            throw error("can't specify both count and end in with_sequence");
        }
        if (count != null) {
            if (count != 0) {
                end = start + count * stride - 1;
            } else {
                start = 0;
                end = 0L;
                stride = 0;
            }
        }
        if (stride > 0 && end < start) {
            throw error("to count backwards make stride negative");
        }
        if (stride < 0 && end > start) {
            throw error("to count forward don't make stride negative");
        }
        if (format.chars().filter(c -> c == '%').count() != 1) {
            throw error("bad formatting string: " + format);
        }
        List<Object> items = new ArrayList<>();
        if (stride == 0) {
            return items;
        }
        String javaFormat = format.replaceAll("%([-#0 +]*\\d*)[iu]", "%$1d");
        long stop = end + (stride > 0 ? 1 : -1);
        for (long i = start; stride > 0 ? i < stop : i > stop; i += stride) {
            try {
                items.add(String.format(javaFormat, i));
            } catch (java.util.IllegalFormatException e) {
                throw error("problem formatting " + i + " with " + PythonRepr.repr(format));
            }
        }
        return items;
    }

    /** Python's {@code int(text, 0)}. */
    private static long parse(String name, String raw) {
        BigInteger value = PythonNumbers.parseInt(raw, 0);
        if (value == null) {
            throw error("can't parse " + name + "=" + raw + " as integer");
        }
        return value.longValue();
    }

    private static AnsibleFilterError error(String message) {
        return new AnsibleFilterError(message, "AnsibleError");
    }
}
