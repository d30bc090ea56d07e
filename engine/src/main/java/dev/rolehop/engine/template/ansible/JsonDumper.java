package dev.rolehop.engine.template.ansible;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes values as Python's {@code json.dumps} does, which is what Ansible's {@code to_json} and
 * {@code to_nice_json} call: same separators, indentation, key sorting, {@code ensure_ascii}
 * escapes and float formatting.
 *
 * @param indent spaces per level, or negative for a single line
 * @param sortKeys whether mapping keys are sorted
 * @param itemSeparator between items, {@code ", "} by default ({@code ","} when indenting)
 * @param keySeparator between a key and its value, {@code ": "} by default
 * @param ensureAscii whether non-ASCII characters are written as {@code \\uXXXX}
 */
record JsonDumper(
    int indent, boolean sortKeys, String itemSeparator, String keySeparator, boolean ensureAscii) {

  /** Returns the JSON text of the value. */
  String dump(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.toString();
  }

  private void write(StringBuilder out, Object value, int level) {
    if (value instanceof Undefined undefined) {
      throw undefined.error();
    }
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean bool) {
      out.append(bool);
    } else if (value instanceof CharSequence text) {
      string(out, text.toString());
    } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      double real = ((Number) value).doubleValue();
      out.append(Double.isNaN(real) ? "NaN" : Double.isInfinite(real)
          ? (real > 0 ? "Infinity" : "-Infinity") : PythonRepr.floatRepr(real));
    } else if (value instanceof Number number) {
      out.append(PythonValues.integer(number));
    } else if (value instanceof PythonDatetime datetime) {
      string(out, datetime.isoformat());
    } else if (value instanceof Map<?, ?> map) {
      writeMap(out, map, level);
    } else if ((value instanceof Collection<?> && !(value instanceof PythonDictView)) || value instanceof Object[]) {
      writeList(out, PythonValues.iterable(value), level);
    } else {
      throw AnsibleFilterError.typeError(
          "Object of type " + PythonValues.typeName(value) + " is not JSON serializable");
    }
  }

  private void writeMap(StringBuilder out, Map<?, ?> map, int level) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
    if (sortKeys) {
      entries.sort((a, b) -> PythonValues.compare(a.getKey(), b.getKey()));
    }
    out.append('{');
    for (int i = 0; i < entries.size(); i++) {
      out.append(i == 0 ? "" : itemSeparator);
      newline(out, level + 1);
      string(out, key(entries.get(i).getKey()));
      out.append(keySeparator);
      write(out, entries.get(i).getValue(), level + 1);
    }
    newline(out, level);
    out.append('}');
  }

  private void writeList(StringBuilder out, List<Object> items, int level) {
    if (items.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "" : itemSeparator);
      newline(out, level + 1);
      write(out, items.get(i), level + 1);
    }
    newline(out, level);
    out.append(']');
  }

  private void newline(StringBuilder out, int level) {
    if (indent >= 0) {
      out.append('\n').append(" ".repeat(indent * level));
    }
  }

  /** Python converts str, int, float, bool and None keys to strings; other keys are errors. */
  private static String key(Object key) {
    if (key instanceof CharSequence text) {
      return text.toString();
    }
    if (key == null) {
      return "null";
    }
    if (key instanceof Boolean bool) {
      return bool.toString();
    }
    if (key instanceof Number) {
      return PythonRepr.repr(key);
    }
    throw AnsibleFilterError.typeError("keys must be str, int, float, bool or None, not "
        + PythonValues.typeName(key));
  }

  private void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || (ensureAscii && c > 0x7e)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
