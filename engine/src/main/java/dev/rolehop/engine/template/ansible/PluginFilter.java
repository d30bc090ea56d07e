package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;

/** Adapts one Ansible filter, written as a {@link Body}, to Jinjava's {@link Filter}. */
final class PluginFilter implements Filter {
  /** The filter's work: the piped value and the call's arguments in, the result out. */
  @FunctionalInterface
  interface Body {
    Object apply(Object value, Arguments args, JinjavaInterpreter interpreter);
  }

  private final String name;
  private final Body body;

  PluginFilter(String name, Body body) {
    this.name = name;
    this.body = body;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Object filter(
      Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
    return body.apply(value, new Arguments(name, args, kwargs), interpreter);
  }

  @Override
  public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
    return filter(value, interpreter, args, Map.of());
  }
}
