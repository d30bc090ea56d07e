package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/**
 * Creates Jinjava interpreters that print expression values with {@link PythonRepr#of(Object)},
 * so {@code "{{ [1, 'a'] }}x"} renders {@code [1, 'a']x} as in Ansible instead of Jinjava's
 * {@code [1, a]x}.
 *
 * <p>Wire it with {@code JinjavaConfig.newBuilder().withInterperterFactory(new
 * PythonReprInterpreterFactory())} (Jinjava's method name is misspelt so).
 */
public final class PythonReprInterpreterFactory implements InterpreterFactory {
  @Override
  public JinjavaInterpreter newInstance(JinjavaInterpreter parent) {
    return new PythonReprInterpreter(parent);
  }

  @Override
  public JinjavaInterpreter newInstance(Jinjava jinjava, Context context, JinjavaConfig config) {
    return new PythonReprInterpreter(jinjava, context, config);
  }

  /** An interpreter whose expression output follows Python's {@code str()}. */
  private static final class PythonReprInterpreter extends JinjavaInterpreter {
    PythonReprInterpreter(JinjavaInterpreter parent) {
      super(parent);
    }

    PythonReprInterpreter(Jinjava jinjava, Context context, JinjavaConfig config) {
      super(jinjava, context, config);
    }

    @Override
    public String getAsString(Object value) {
      return PythonRepr.of(value);
    }
  }
}
