package dev.rolehop.engine.template.ansible;

import dev.rolehop.python.PythonObject;
import java.util.AbstractList;
import java.util.List;

/**
 * An immutable list that stands for a Python tuple, so {@link PythonRepr} prints it as
 * {@code (1, 'a')} the way Ansible prints the results of {@code zip}, {@code product} or
 * {@code subelements}; everywhere else (indexing, JSON) it behaves as a list.
 */
public final class PythonTuple extends AbstractList<Object> implements PythonObject {
    private final List<Object> items;

    /** Creates a tuple of the given items (null items allowed). */
    public PythonTuple(List<?> items) {
        this.items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }

    /** Creates a tuple of the given items. */
    public static PythonTuple of(Object... items) {
        return new PythonTuple(java.util.Arrays.asList(items));
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** Python's {@code repr(tuple)}: {@code (1, 'a')}, {@code (1,)}, {@code ()}. */
    @Override
    public String repr() {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) {
            out.append(PythonRepr.repr(items.get(i)));
            out.append(i < items.size() - 1 ? ", " : items.size() == 1 ? "," : "");
        }
        return out.append(')').toString();
    }

    @Override
    public String typeName() {
        return "tuple";
    }

    @Override
    public boolean truth() {
        return !items.isEmpty();
    }

    /** JSON writes a tuple as a list. */
    @Override
    public Object toJson() {
        return new java.util.ArrayList<>(items);
    }
}
