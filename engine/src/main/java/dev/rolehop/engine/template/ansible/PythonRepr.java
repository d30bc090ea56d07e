package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.objects.SafeString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Formats Java values the way Python's {@code str()} and {@code repr()} format the equivalent
 * Python values, so a template that mixes text and values renders as Ansible renders it.
 *
 * <p>Ansible (Jinja2) turns {@code "{{ [1, 'a'] }}x"} into {@code [1, 'a']x}, {@code true} into
 * {@code True} and a dict into {@code {'k': 'v'}}; Jinjava would print {@code [1, a]x},
 * {@code true} and {@code {k=v}}. Mapping used: {@code null} = None, {@link Boolean} = bool,
 * integral {@link Number}s = int, {@link Double}/{@link Float}/{@link BigDecimal} = float,
 * {@link CharSequence} = str, {@link Map} = dict, {@link PythonTuple} = tuple, other
 * {@link Collection}s = list; an {@link Undefined} raises Ansible's undefined error.
 */
public final class PythonRepr {
  private PythonRepr() {}

  /**
   * Renders a template expression's value into surrounding text as Ansible does: like
   * {@code str()}, except that None renders as the empty string (Ansible's finalize hook) and a
   * dict view as the list it holds (what ansible-playbook 2.14 shows for {@code {{ d.keys() }}}).
   */
  public static String of(Object value) {
    if (value instanceof PythonDictView view) {
      return repr(view);
    }
    return value == null ? "" : str(value);
  }

  /** Returns Python's {@code str(value)}: strings as they are, everything else as repr. */
  public static String str(Object value) {
    if (value instanceof Undefined undefined) {
      throw undefined.error();
    }
    if (value instanceof PythonDatetime datetime) {
      return datetime.toString();
    }
    if (value instanceof PythonDictView view) {
      return view.str();
    }
    if (value instanceof SafeString safe) {
      return safe.getValue();
    }
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    return repr(value);
  }

  /** Returns Python's {@code repr(value)}. */
  public static String repr(Object value) {
    StringBuilder out = new StringBuilder();
    appendRepr(out, value);
    return out.toString();
  }

  private static void appendRepr(StringBuilder out, Object value) {
    if (value instanceof Undefined undefined) {
      throw undefined.error();
    }
    if (value == null) {
      out.append("None");
    } else if (value instanceof Boolean bool) {
      out.append(bool ? "True" : "False");
    } else if (value instanceof CharSequence text) {
      appendString(out, text.toString());
    } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      out.append(floatRepr(((Number) value).doubleValue()));
    } else if (value instanceof Number number) {
      out.append(number instanceof BigInteger ? number.toString() : Long.toString(number.longValue()));
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
      while (entries.hasNext()) {
        Map.Entry<?, ?> entry = entries.next();
        appendRepr(out, entry.getKey());
        out.append(": ");
        appendRepr(out, entry.getValue());
        if (entries.hasNext()) {
          out.append(", ");
        }
      }
      out.append('}');
    } else if (value instanceof PythonDatetime datetime) {
      out.append(datetime.repr());
    } else if (value instanceof SafeString safe) {
      out.append("Markup(");
      appendString(out, safe.getValue());
      out.append(')');
    } else if (value instanceof PythonTuple tuple) {
      out.append('(');
      for (int i = 0; i < tuple.size(); i++) {
        appendRepr(out, tuple.get(i));
        out.append(i < tuple.size() - 1 ? ", " : tuple.size() == 1 ? "," : "");
      }
      out.append(')');
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      Iterator<?> items = list.iterator();
      while (items.hasNext()) {
        appendRepr(out, items.next());
        if (items.hasNext()) {
          out.append(", ");
        }
      }
      out.append(']');
    } else if (value instanceof Object[] array) {
      appendRepr(out, java.util.Arrays.asList(array));
    } else {
      out.append(value);
    }
  }

  /** Quotes like Python: single quotes unless the text holds a single but no double quote. */
  private static void appendString(StringBuilder out, String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    out.append(quote);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == quote) {
            out.append('\\').append((char) c);
          } else if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", c));
          } else if (!isPrintable(c)) {
            out.append(c <= 0xff ? String.format("\\x%02x", c)
                : c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    out.append(quote);
  }

  /** Python's str.isprintable for one code point: not a control, separator or unassigned. */
  private static boolean isPrintable(int c) {
    if (c == ' ') {
      return true;
    }
    int type = Character.getType(c);
    return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
        && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
        && type != Character.SPACE_SEPARATOR && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR;
  }

  /** Returns Python's {@code repr(float)}: shortest digits, exponent outside 1e-4 .. 1e16. */
  public static String floatRepr(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int exponent = exact.precision() - exact.scale() - 1;
    if (exponent < -4 || exponent >= 16) {
      String digits = exact.unscaledValue().abs().toString();
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
          + String.format("%02d", Math.abs(exponent));
    }
    String plain = exact.toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }
}
