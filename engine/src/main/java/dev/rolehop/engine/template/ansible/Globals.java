package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.el.ext.NamedParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jinja2's global functions that Jinjava lacks: {@code dict}. */
public final class Globals {
  private Globals() {}

  /** Python's {@code dict(pairs_or_mapping, **kwargs)}: {@code dict(a=1)}, {@code dict(keys | zip(values))}. */
  public static Object dict(Object... args) {
    Map<Object, Object> result = new LinkedHashMap<>();
    int positional = 0;
    for (Object arg : args == null ? new Object[0] : args) {
      if (arg instanceof NamedParameter named) {
        result.put(named.getName(), named.getValue());
        continue;
      }
      if (++positional > 1) {
        throw AnsibleFilterError.typeError("dict expected at most 1 argument, got " + positional);
      }
      if (arg instanceof Map<?, ?> map) {
        result.putAll(map);
        continue;
      }
      int index = 0;
      for (Object pair : PythonValues.iterable(arg)) {
        List<Object> kv = PythonValues.iterable(pair);
        if (kv.size() != 2) {
          throw new AnsibleFilterError("dictionary update sequence element #" + index + " has length "
              + kv.size() + "; 2 is required", "ValueError");
        }
        result.put(kv.get(0), kv.get(1));
        index++;
      }
    }
    return result;
  }
}
