package dev.rolehop.engine.template.ansible;

import java.util.Locale;
import java.util.Set;

/** Ansible's {@code module_utils.parsing.convert_bool.boolean}: yes/no words to booleans. */
public final class Booleans {
  private static final Set<String> TRUE = Set.of("y", "yes", "on", "1", "true", "t");
  private static final Set<String> FALSE = Set.of("n", "no", "off", "0", "false", "f");

  private Booleans() {}

  /** Returns the boolean the value spells, or null where Ansible's strict boolean() fails. */
  public static Boolean parse(Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof CharSequence text) {
      String word = text.toString().strip().toLowerCase(Locale.ROOT);
      return TRUE.contains(word) ? Boolean.TRUE : FALSE.contains(word) ? Boolean.FALSE : null;
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      return d == 1 ? Boolean.TRUE : d == 0 ? Boolean.FALSE : null;
    }
    return null;
  }
}
