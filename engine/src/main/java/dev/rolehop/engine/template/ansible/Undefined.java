package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.util.HasObjectTruthValue;
import dev.rolehop.python.PythonObject;

/**
 * Stands for Jinja2's (strict) Undefined, so plugins can tell an undefined variable from one set
 * to None (which is {@code null}).
 *
 * <p>{@link AnsiblePlugins#install} makes missing names resolve to an {@code Undefined}, and
 * {@link UndefinedAttributes} missing keys, indexes and attributes. {@code default}/{@code d}
 * replace it, {@code mandatory} names it, {@code defined}/{@code undefined}/{@code none} test it,
 * and anything else that uses it fails with Ansible's {@code 'x' is undefined}: printing it,
 * testing its truth and comparing it throw, as Ansible's {@code AnsibleUndefined} (a
 * {@code StrictUndefined}) does. An attribute of an undefined value is that same undefined value.
 *
 * @param name the missing variable or attribute name
 * @param message Ansible's message, e.g. {@code 'x' is undefined}
 */
public record Undefined(String name, String message) implements HasObjectTruthValue, PythonObject {
    /** An undefined variable: {@code 'name' is undefined}. */
    public static Undefined variable(String name) {
        return new Undefined(name, "'" + name + "' is undefined");
    }

    /** A missing attribute of an existing value: {@code 'dict object' has no attribute 'name'}. */
    public static Undefined attribute(Object owner, String name) {
        return new Undefined(name, "'" + PythonValues.typeName(owner) + " object' has no attribute '" + name + "'");
    }

    /** A missing element of a list or string: {@code list object has no element 3}. */
    public static Undefined element(Object owner, Object index) {
        return new Undefined(String.valueOf(index), PythonValues.typeName(owner) + " object has no element " + index);
    }

    /** Returns the error Ansible raises when an undefined value is used. */
    public AnsibleFilterError error() {
        return new AnsibleFilterError(message, "AnsibleUndefinedVariable");
    }

    /** Returns whether the value is undefined. */
    static boolean isUndefined(Object value) {
        return value instanceof Undefined;
    }

    /** Fails: the truth of an undefined value is an error ({@code when: x} with no {@code x}). */
    @Override
    public boolean getObjectTruthValue() {
        throw error();
    }

    /** Fails: printing an undefined value is an error. */
    @Override
    public String repr() {
        throw error();
    }

    /** Fails: printing an undefined value is an error. */
    @Override
    public String str() {
        throw error();
    }

    @Override
    public String typeName() {
        return "AnsibleUndefined";
    }

    /** Fails: serializing an undefined value is an error. */
    @Override
    public Object toJson() {
        throw error();
    }

    /** Fails: Jinjava turns operands into text to compare them ({@code x == 'a'}), and that is an error. */
    @Override
    public String toString() {
        throw error();
    }
}
