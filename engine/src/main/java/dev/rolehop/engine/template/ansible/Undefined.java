package dev.rolehop.engine.template.ansible;

/**
 * Stands for Jinja2's (strict) Undefined, so plugins can tell an undefined variable from one set
 * to None.
 *
 * <p>Optional for the engine: when its resolver yields an {@code Undefined} for a missing name
 * or attribute, {@code default}/{@code d} replace it, {@code mandatory} names it, {@code defined}/
 * {@code undefined}/{@code none} test it exactly as Ansible does, and any other filter that
 * touches it fails with Ansible's {@code 'x' is undefined}. A {@code null} is still read as
 * undefined by {@code default}, {@code mandatory} and {@code defined}, since plain Jinjava gives
 * null for both.
 *
 * @param name the missing variable or attribute name
 * @param message Ansible's message, e.g. {@code 'x' is undefined}
 */
public record Undefined(String name, String message) {
  /** An undefined variable: {@code 'name' is undefined}. */
  public static Undefined variable(String name) {
    return new Undefined(name, "'" + name + "' is undefined");
  }

  /** A missing attribute of an existing value: {@code 'dict object' has no attribute 'name'}. */
  public static Undefined attribute(Object owner, String name) {
    return new Undefined(name, "'" + PythonValues.typeName(owner) + " object' has no attribute '" + name + "'");
  }

  /** Returns the error Ansible raises when an undefined value is used. */
  public AnsibleFilterError error() {
    return new AnsibleFilterError(message, "AnsibleUndefinedVariable");
  }

  /** Returns whether the value is undefined: an {@code Undefined} or Jinjava's null. */
  static boolean isUndefined(Object value) {
    return value == null || value instanceof Undefined;
  }
}
