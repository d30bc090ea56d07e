package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's math and size filters: {@code log}, {@code pow}, {@code root},
 * {@code human_readable}, {@code human_to_bytes}, {@code permutations}, {@code combinations},
 * and {@code strftime}, which formats a time in seconds.
 */
final class MathFilters {
    /** Ansible's SIZE_RANGES, largest first. */
    private static final Map<String, Double> SIZES = sizes();

    private static final Pattern HUMAN = Pattern.compile("^\\s*(\\d*\\.?\\d*)\\s*([A-Za-z]+)?");

    private MathFilters() {}

    private static Map<String, Double> sizes() {
        Map<String, Double> sizes = new LinkedHashMap<>();
        String units = "YZEPTGMKB";
        for (int i = 0; i < units.length(); i++) {
            sizes.put(String.valueOf(units.charAt(i)), Math.pow(2, 10 * (units.length() - 1 - i)));
        }
        return sizes;
    }

    static List<PluginFilter> all() {
        return List.of(
                new PluginFilter("log", MathFilters::log),
                new PluginFilter(
                        "pow",
                        (value, args, interpreter) -> Math.pow(
                                real("pow", value), real("pow", args.accept("y").get(0, "y", null)))),
                new PluginFilter("root", MathFilters::root),
                new PluginFilter("human_readable", MathFilters::humanReadable),
                new PluginFilter("human_to_bytes", MathFilters::humanToBytes),
                new PluginFilter("permutations", MathFilters::permutations),
                new PluginFilter("combinations", MathFilters::combinations),
                new PluginFilter("strftime", MathFilters::strftime));
    }

    private static double real(String filter, Object value) {
        if (!PythonValues.isNumeric(value)) {
            throw AnsibleFilterError.typeError(filter + "() can only be used on numbers: must be real number, not "
                    + PythonValues.typeName(value));
        }
        return value instanceof Boolean bool ? (bool ? 1 : 0) : ((Number) value).doubleValue();
    }

    private static double checked(double result) {
        if (Double.isNaN(result)) {
            throw new AnsibleFilterError("math domain error", "ValueError");
        }
        return result;
    }

    /** {@code log(base=e)}. */
    private static Object log(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("base");
        double x = real("log", value);
        Object base = args.get(0, "base", null);
        if (x <= 0) {
            throw new AnsibleFilterError("math domain error", "ValueError");
        }
        if (base == null) {
            return Math.log(x);
        }
        double b = real("log", base);
        return checked(b == 10 ? Math.log10(x) : Math.log(x) / Math.log(b));
    }

    /** {@code root(base=2)}: the square root, or the base-th root. */
    private static Object root(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("base");
        double x = real("root", value);
        double base = real("root", args.get(0, "base", 2L));
        return checked(base == 2 ? Math.sqrt(x) : Math.pow(x, 1.0 / base));
    }

    /** {@code human_readable(isbits=False, unit=None)}: e.g. {@code 1.00 KB}. */
    private static Object humanReadable(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("isbits", "unit");
        String base = args.flag(0, "isbits", false) ? "bits" : "Bytes";
        Object unit = args.get(1, "unit", null);
        double size;
        if (PythonValues.isNumeric(value)) {
            size = real("human_readable", value);
        } else {
            throw AnsibleFilterError.typeError("human_readable() failed on bad input: '>=' not supported between "
                    + "instances of '" + PythonValues.typeName(value) + "' and 'int'");
        }
        String suffix = "B";
        double limit = 1;
        for (Map.Entry<String, Double> range : SIZES.entrySet()) {
            suffix = range.getKey();
            limit = range.getValue();
            if ((unit == null && size >= limit)
                    || (unit != null
                            && PythonRepr.str(unit).toUpperCase(Locale.ROOT).startsWith(suffix))) {
                break;
            }
        }
        String label = limit != 1 ? suffix + base.charAt(0) : base;
        return new BigDecimal(size / limit).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " " + label;
    }

    /** {@code human_to_bytes(default_unit=None, isbits=False)}: e.g. {@code '2K'} is 2048. */
    private static Object humanToBytes(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("default_unit", "isbits");
        String text = PythonRepr.str(value);
        AnsibleFilterError failure =
                new AnsibleFilterError("human_to_bytes() can't interpret following string: " + text);
        Matcher match = HUMAN.matcher(text);
        if (!match.find() || match.group(1).isEmpty() || match.group(1).equals(".")) {
            throw failure;
        }
        double number = Double.parseDouble(match.group(1));
        String unit = match.group(2) != null
                ? match.group(2)
                : args.get(0, "default_unit", null) == null ? null : PythonRepr.str(args.get(0, "default_unit", null));
        if (unit == null) {
            return Math.round(Math.rint(number));
        }
        Double limit = SIZES.get(unit.substring(0, 1).toUpperCase(Locale.ROOT));
        if (limit == null) {
            throw failure;
        }
        boolean bits = args.flag(1, "isbits", false);
        if (unit.length() > 1
                && !unit.toLowerCase(Locale.ROOT).contains(bits ? "bit" : "byte")
                && unit.charAt(1) != (bits ? 'b' : 'B')) {
            throw failure;
        }
        return PythonNumbers.narrow(new BigDecimal(number * limit)
                .setScale(0, RoundingMode.HALF_EVEN)
                .toBigInteger());
    }

    /**
     * Ansible's {@code strftime(second=None, utc=False)}: Python's {@code time.strftime} of the
     * given epoch seconds (else now), in local time or UTC.
     */
    private static Object strftime(Object format, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("second", "utc");
        Clock clock = Globals.clock();
        ZoneId zone = args.flag(1, "utc", false) ? ZoneOffset.UTC : clock.getZone();
        Object second = args.get(0, "second", null);
        Instant instant = clock.instant();
        if (second != null) {
            Double seconds = second instanceof Number number
                    ? (Double) number.doubleValue()
                    : second instanceof CharSequence text ? PythonNumbers.parseFloat(text.toString()) : null;
            if (seconds == null || !Double.isFinite(seconds)) {
                throw new AnsibleFilterError("Invalid value for epoch value (" + PythonRepr.str(second) + ")");
            }
            instant = Instant.ofEpochSecond((long) Math.floor(seconds));
        }
        PythonDatetime time = new PythonDatetime(LocalDateTime.ofInstant(instant, zone), zone);
        return time.format(PythonRepr.str(format), false);
    }

    /** {@code permutations(r=None)}: itertools.permutations as a list of tuples. */
    private static Object permutations(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("r");
        List<Object> pool = PythonValues.iterable(value);
        Object r = args.get(0, "r", null);
        int size = r == null ? pool.size() : PythonNumbers.index(r);
        if (size < 0) {
            throw new AnsibleFilterError("r must be non-negative", "ValueError");
        }
        double count = 1;
        for (int i = 0; i < size && count > 0 && count <= MAX_TUPLES; i++) {
            count *= Math.max(0, pool.size() - i);
        }
        checkCount("permutations", count);
        List<Object> result = new ArrayList<>();
        permute(pool, size, new ArrayList<>(), new boolean[pool.size()], result);
        return result;
    }

    /** The most tuples rolehop lists (Python's itertools yields them lazily, rolehop makes a list). */
    private static final double MAX_TUPLES = 1_000_000;

    private static void checkCount(String filter, double count) {
        if (count > MAX_TUPLES) {
            throw new AnsibleFilterError(
                    String.format("%s() would give %.0f tuples; rolehop lists at most %.0f", filter, count, MAX_TUPLES),
                    "MemoryError");
        }
    }

    private static void permute(List<Object> pool, int size, List<Object> prefix, boolean[] used, List<Object> out) {
        if (prefix.size() == size) {
            out.add(new PythonTuple(prefix));
            return;
        }
        for (int i = 0; i < pool.size(); i++) {
            if (!used[i]) {
                used[i] = true;
                prefix.add(pool.get(i));
                permute(pool, size, prefix, used, out);
                prefix.remove(prefix.size() - 1);
                used[i] = false;
            }
        }
    }

    /** {@code combinations(r)}: itertools.combinations as a list of tuples. */
    private static Object combinations(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("r");
        if (!args.has(0, "r")) {
            throw AnsibleFilterError.typeError("combinations() missing required argument 'r' (pos 2)");
        }
        List<Object> pool = PythonValues.iterable(value);
        int size = PythonNumbers.index(args.get(0, "r", 0L));
        if (size < 0) {
            throw new AnsibleFilterError("r must be non-negative", "ValueError");
        }
        double count = 1;
        for (int i = 0; i < size && count > 0 && count <= MAX_TUPLES; i++) {
            count = count * Math.max(0, pool.size() - i) / (i + 1);
        }
        checkCount("combinations", count);
        List<Object> result = new ArrayList<>();
        combine(pool, size, 0, new ArrayList<>(), result);
        return result;
    }

    private static void combine(List<Object> pool, int size, int from, List<Object> prefix, List<Object> out) {
        if (prefix.size() == size) {
            out.add(new PythonTuple(prefix));
            return;
        }
        for (int i = from; i < pool.size(); i++) {
            prefix.add(pool.get(i));
            combine(pool, size, i + 1, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }
}
