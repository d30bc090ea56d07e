package dev.rolehop.engine.template.ansible;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses JSON as Python's {@code json.loads} does (Ansible's {@code from_json}), including its
 * error messages such as {@code Expecting value: line 1 column 1 (char 0)}.
 *
 * <p>Objects become insertion-ordered maps (a repeated key keeps its last value), integers
 * Longs (BigIntegers when larger), reals Doubles; {@code NaN} and {@code Infinity} are accepted.
 */
final class JsonLoader {
  private static final Pattern NUMBER =
      Pattern.compile("(-?(?:0|[1-9]\\d*))(\\.\\d+)?([eE][-+]?\\d+)?");

  private final String doc;
  private int pos;

  private JsonLoader(String doc) {
    this.doc = doc;
  }

  /** Returns the value of the JSON text, or throws Python's JSONDecodeError message. */
  static Object load(Object input) {
    if (!(input instanceof CharSequence text)) {
      throw AnsibleFilterError.typeError("the JSON object must be str, bytes or bytearray, not "
          + PythonValues.typeName(input));
    }
    JsonLoader loader = new JsonLoader(text.toString());
    loader.skipSpace();
    Object value = loader.value();
    loader.skipSpace();
    if (loader.pos != loader.doc.length()) {
      throw loader.error("Extra data", loader.pos);
    }
    return value;
  }

  private Object value() {
    if (pos >= doc.length()) {
      throw error("Expecting value", pos);
    }
    char c = doc.charAt(pos);
    if (c == '"') {
      pos++;
      return string();
    }
    if (c == '{') {
      pos++;
      return object();
    }
    if (c == '[') {
      pos++;
      return array();
    }
    for (Map.Entry<String, Object> literal : LITERALS.entrySet()) {
      if (doc.startsWith(literal.getKey(), pos)) {
        pos += literal.getKey().length();
        return literal.getValue();
      }
    }
    Matcher number = NUMBER.matcher(doc).region(pos, doc.length());
    if (number.lookingAt()) {
      pos = number.end();
      if (number.group(2) == null && number.group(3) == null) {
        return PythonNumbers.narrow(new BigInteger(number.group(1)));
      }
      return Double.parseDouble(number.group());
    }
    throw error("Expecting value", pos);
  }

  private static final Map<String, Object> LITERALS = literals();

  private static Map<String, Object> literals() {
    Map<String, Object> literals = new LinkedHashMap<>();
    literals.put("null", null);
    literals.put("true", true);
    literals.put("false", false);
    literals.put("NaN", Double.NaN);
    literals.put("Infinity", Double.POSITIVE_INFINITY);
    literals.put("-Infinity", Double.NEGATIVE_INFINITY);
    return literals;
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      if (peek() != '"') {
        throw error("Expecting property name enclosed in double quotes", pos);
      }
      pos++;
      String key = string();
      skipSpace();
      if (peek() != ':') {
        throw error("Expecting ':' delimiter", pos);
      }
      pos++;
      skipSpace();
      map.put(key, value());
      skipSpace();
      char c = peek();
      pos++;
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        throw error("Expecting ',' delimiter", pos - 1);
      }
      skipSpace();
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      list.add(value());
      skipSpace();
      char c = peek();
      pos++;
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        throw error("Expecting ',' delimiter", pos - 1);
      }
      skipSpace();
    }
  }

  private String string() {
    int start = pos - 1;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= doc.length()) {
        throw error("Unterminated string starting at", start);
      }
      char c = doc.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("Invalid control character at", pos - 1);
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= doc.length()) {
        throw error("Unterminated string starting at", start);
      }
      char e = doc.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          String hex = pos + 4 <= doc.length() ? doc.substring(pos, pos + 4) : "";
          if (!hex.matches("[0-9a-fA-F]{4}")) {
            throw error("Invalid \\uXXXX escape", pos - 1);
          }
          out.append((char) Integer.parseInt(hex, 16));
          pos += 4;
        }
        default -> throw error("Invalid \\escape", pos - 2);
      }
    }
  }

  private char peek() {
    return pos < doc.length() ? doc.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < doc.length() && " \t\n\r".indexOf(doc.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private AnsibleFilterError error(String message, int at) {
    int line = 1;
    int lastNewline = -1;
    for (int i = 0; i < at && i < doc.length(); i++) {
      if (doc.charAt(i) == '\n') {
        line++;
        lastNewline = i;
      }
    }
    return new AnsibleFilterError(message + ": line " + line + " column " + (at - lastNewline)
        + " (char " + at + ")", "JSONDecodeError");
  }
}
