package dev.rolehop.engine.template.ansible;

import dev.rolehop.python.PythonObject;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * A naive Python {@code datetime}, as Ansible's {@code now()} returns: prints as
 * {@code 2026-11-24 07:54:25.297891}, offers {@code strftime}, {@code isoformat} and the
 * {@code year} ... {@code microsecond} attributes, and serializes to JSON as its ISO form.
 *
 * @param time the wall-clock time
 * @param zone the zone the time was read in (for {@code %s})
 */
public record PythonDatetime(LocalDateTime time, ZoneId zone) implements PythonObject {

    /** Python's {@code datetime.strftime} with the C locale (glibc directives, {@code -} flag). */
    public String strftime(String format) {
        return format(format, true);
    }

    /**
     * Formats as {@code datetime.strftime} ({@code microseconds}) or as {@code time.strftime},
     * which knows no {@code %f} and leaves it as it is.
     */
    String format(String format, boolean microseconds) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char directive = format.charAt(++i);
            boolean pad = true;
            if (directive == '-' && i + 1 < format.length()) {
                pad = false;
                directive = format.charAt(++i);
            }
            out.append(directive == 'f' && !microseconds ? "%f" : directive(directive, pad));
        }
        return out.toString();
    }

    private String directive(char directive, boolean pad) {
        return switch (directive) {
            case 'Y' -> String.valueOf(time.getYear());
            case 'y' -> number(time.getYear() % 100, 2, pad);
            case 'm' -> number(time.getMonthValue(), 2, pad);
            case 'd' -> number(time.getDayOfMonth(), 2, pad);
            case 'e' -> pad ? String.format("%2d", time.getDayOfMonth()) : String.valueOf(time.getDayOfMonth());
            case 'H' -> number(time.getHour(), 2, pad);
            case 'I' -> number(time.getHour() % 12 == 0 ? 12 : time.getHour() % 12, 2, pad);
            case 'M' -> number(time.getMinute(), 2, pad);
            case 'S' -> number(time.getSecond(), 2, pad);
            case 'f' -> String.format("%06d", time.getNano() / 1000);
            case 'p' -> time.getHour() < 12 ? "AM" : "PM";
            case 'a' -> time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'A' -> time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'b', 'h' -> time.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'B' -> time.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'w' -> String.valueOf(time.getDayOfWeek().getValue() % 7);
            case 'u' -> String.valueOf(time.getDayOfWeek().getValue());
            case 'j' -> number(time.getDayOfYear(), 3, pad);
            case 'U' -> number(week(DayOfWeek.SUNDAY), 2, pad);
            case 'W' -> number(week(DayOfWeek.MONDAY), 2, pad);
            case 'c' -> strftime("%a %b %e %H:%M:%S %Y");
            case 'x' -> strftime("%m/%d/%y");
            case 'X' -> strftime("%H:%M:%S");
            case 'D' -> strftime("%m/%d/%y");
            case 'F' -> strftime("%Y-%m-%d");
            case 'T' -> strftime("%H:%M:%S");
            case 's' -> String.valueOf(time.atZone(zone).toEpochSecond());
            case 'z', 'Z' -> "";
            case 'n' -> "\n";
            case 't' -> "\t";
            case '%' -> "%";
            default -> "%" + directive;
        };
    }

    /** The week of the year with weeks starting on {@code first}; days before the first such day are week 0. */
    private int week(DayOfWeek first) {
        int dayOfYear = time.getDayOfYear() - 1;
        int weekday = (time.getDayOfWeek().getValue() - first.getValue() + 7) % 7;
        return (dayOfYear - weekday + 7) / 7;
    }

    private static String number(int value, int width, boolean pad) {
        return pad ? String.format("%0" + width + "d", value) : String.valueOf(value);
    }

    /** Python's {@code isoformat()}: {@code 2026-11-24T07:54:25.297891}. */
    public String isoformat() {
        return str('T');
    }

    /** Returns the year. */
    public int getYear() {
        return time.getYear();
    }

    /** Returns the month (1-12). */
    public int getMonth() {
        return time.getMonthValue();
    }

    /** Returns the day of the month. */
    public int getDay() {
        return time.getDayOfMonth();
    }

    /** Returns the hour (0-23). */
    public int getHour() {
        return time.getHour();
    }

    /** Returns the minute. */
    public int getMinute() {
        return time.getMinute();
    }

    /** Returns the second. */
    public int getSecond() {
        return time.getSecond();
    }

    /** Returns the microsecond. */
    public int getMicrosecond() {
        return time.get(ChronoField.MICRO_OF_SECOND);
    }

    private String str(char separator) {
        String text = String.format(
                "%04d-%02d-%02d%c%02d:%02d:%02d",
                time.getYear(),
                time.getMonthValue(),
                time.getDayOfMonth(),
                separator,
                time.getHour(),
                time.getMinute(),
                time.getSecond());
        int micros = getMicrosecond();
        return micros == 0 ? text : text + String.format(".%06d", micros);
    }

    /** Python's {@code repr(datetime)}: {@code datetime.datetime(2026, 11, 24, 7, 54, 25, 297891)}. */
    @Override
    public String repr() {
        StringBuilder out = new StringBuilder("datetime.datetime(")
                .append(time.getYear())
                .append(", ")
                .append(time.getMonthValue())
                .append(", ")
                .append(time.getDayOfMonth())
                .append(", ")
                .append(time.getHour())
                .append(", ")
                .append(time.getMinute());
        if (time.getSecond() != 0 || getMicrosecond() != 0) {
            out.append(", ").append(time.getSecond());
        }
        if (getMicrosecond() != 0) {
            out.append(", ").append(getMicrosecond());
        }
        return out.append(')').toString();
    }

    /** Python's {@code str(datetime)}: {@code 2026-11-24 07:54:25.297891}. */
    @Override
    public String toString() {
        return str(' ');
    }

    @Override
    public String str() {
        return toString();
    }

    @Override
    public String typeName() {
        return "datetime";
    }

    /** Ansible's JSON encoder writes a datetime as its {@link #isoformat()}. */
    @Override
    public Object toJson() {
        return isoformat();
    }
}
