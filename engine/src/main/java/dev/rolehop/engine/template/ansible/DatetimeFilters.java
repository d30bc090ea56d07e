package dev.rolehop.engine.template.ansible;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code to_datetime(string, format='%Y-%m-%d %H:%M:%S')}: Python's
 * {@code datetime.strptime}, giving a naive {@link PythonDatetime} (its {@code %s} reads it in the
 * controller's zone, as Python's does), with Python's errors: a {@code TypeError} for a value or
 * format that is not a string, a {@code ValueError} for text that does not match.
 *
 * <p>Directives: {@code %Y %y %m %d %H %I %p %M %S %f %j %b %h %B %a %A %%}; others are refused
 * by name.
 */
final class DatetimeFilters {
    private static final String[] MONTHS = {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december"
    };
    private static final String[] DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private DatetimeFilters() {}

    static List<PluginFilter> all() {
        return List.of(new PluginFilter("to_datetime", (value, args, interpreter) -> {
            args.accept("format");
            Object format = args.get(0, "format", "%Y-%m-%d %H:%M:%S");
            return strptime(value, format);
        }));
    }

    static PythonDatetime strptime(Object value, Object format) {
        if (!(value instanceof String text)) {
            throw AnsibleFilterError.typeError(
                    "strptime() argument 1 must be str, not " + PythonValues.typeName(value));
        }
        if (!(format instanceof String pattern)) {
            throw AnsibleFilterError.typeError(
                    "strptime() argument 2 must be str, not " + PythonValues.typeName(format));
        }
        StringBuilder regex = new StringBuilder();
        List<Character> fields = new java.util.ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (Character.isWhitespace(c)) {
                while (i + 1 < pattern.length() && Character.isWhitespace(pattern.charAt(i + 1))) {
                    i++;
                }
                regex.append("\\s+");
                continue;
            }
            if (c != '%') {
                regex.append(Pattern.quote(String.valueOf(c)));
                continue;
            }
            if (i + 1 >= pattern.length()) {
                throw new AnsibleFilterError("stray % in format '" + pattern + "'", "ValueError");
            }
            char directive = pattern.charAt(++i);
            String part = switch (directive) {
                case 'Y' -> "(\\d\\d\\d\\d)";
                case 'y' -> "(\\d\\d)";
                case 'm' -> "(1[0-2]|0[1-9]|[1-9])";
                case 'd' -> "(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])";
                case 'H' -> "(2[0-3]|[0-1]\\d|\\d)";
                case 'I' -> "(1[0-2]|0[1-9]|[1-9])";
                case 'M' -> "([0-5]\\d|\\d)";
                case 'S' -> "(6[0-1]|[0-5]\\d|\\d)";
                case 'f' -> "([0-9]{1,6})";
                case 'j' -> "(36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])";
                case 'p' -> "(am|pm)";
                case 'b', 'h' -> "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";
                case 'B' -> "(" + String.join("|", MONTHS) + ")";
                case 'a' -> "(mon|tue|wed|thu|fri|sat|sun)";
                case 'A' -> "(" + String.join("|", DAYS) + ")";
                case '%' -> "%";
                default -> null;
            };
            if (part == null) {
                throw new AnsibleFilterError(
                        "'" + directive + "' is a bad directive in format '" + pattern
                                + "' (rolehop's to_datetime reads %Y %y %m %d %H %I %p %M %S %f %j %b %B %a %A)",
                        "ValueError");
            }
            regex.append(part);
            if (directive != '%') {
                fields.add(directive);
            }
        }
        Matcher match =
                Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(text);
        if (!match.lookingAt()) {
            throw new AnsibleFilterError(
                    "time data " + PythonRepr.repr(text) + " does not match format " + PythonRepr.repr(pattern),
                    "ValueError");
        }
        if (match.end() != text.length()) {
            throw new AnsibleFilterError("unconverted data remains: " + text.substring(match.end()), "ValueError");
        }
        int year = 1900;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micros = 0;
        int dayOfYear = -1;
        boolean twelveHour = false;
        boolean pm = false;
        for (int i = 0; i < fields.size(); i++) {
            String found = match.group(i + 1).strip().toLowerCase(Locale.ROOT);
            switch (fields.get(i)) {
                case 'Y' -> year = Integer.parseInt(found);
                case 'y' -> {
                    int yy = Integer.parseInt(found);
                    year = yy <= 68 ? 2000 + yy : 1900 + yy;
                }
                case 'm' -> month = Integer.parseInt(found);
                case 'd' -> day = Integer.parseInt(found);
                case 'H' -> hour = Integer.parseInt(found);
                case 'I' -> {
                    hour = Integer.parseInt(found);
                    twelveHour = true;
                }
                case 'M' -> minute = Integer.parseInt(found);
                case 'S' -> second = Integer.parseInt(found);
                case 'f' -> micros = Integer.parseInt((found + "00000").substring(0, 6));
                case 'j' -> dayOfYear = Integer.parseInt(found);
                case 'p' -> pm = found.equals("pm");
                case 'b', 'h' -> month = monthOf(found.substring(0, 3));
                case 'B' -> month = monthOf(found.substring(0, 3));
                default -> {}
            }
        }
        if (twelveHour) {
            hour = hour % 12 + (pm ? 12 : 0);
        }
        try {
            LocalDateTime time = dayOfYear > 0
                    ? LocalDateTime.of(year, 1, 1, hour, minute, Math.min(second, 59), micros * 1000)
                            .plusDays(dayOfYear - 1)
                    : LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59), micros * 1000);
            return new PythonDatetime(time, ZoneId.systemDefault());
        } catch (DateTimeException e) {
            throw new AnsibleFilterError("day is out of range for month", "ValueError");
        }
    }

    private static int monthOf(String abbreviation) {
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].startsWith(abbreviation)) {
                return i + 1;
            }
        }
        return 1;
    }
}
