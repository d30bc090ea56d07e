package dev.rolehop.engine.template.ansible;

import dev.rolehop.python.PythonObject;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Python's {@code dict.keys()}, {@code values()} and {@code items()} return. It iterates,
 * tests {@code in} and filters as a list (items are {@code (key, value)} tuples) and prints as a
 * list inside text, as Ansible 2.14 renders it; only {@code | string} shows Python's
 * {@code dict_keys([...])} and {@code type_debug} its type.
 */
public final class PythonDictView extends AbstractList<Object> implements PythonObject {
    private final String typeName;
    private final List<Object> items;

    private PythonDictView(String typeName, List<Object> items) {
        this.typeName = typeName;
        this.items = items;
    }

    static PythonDictView keys(Map<?, ?> dict) {
        return new PythonDictView("dict_keys", new ArrayList<>(dict.keySet()));
    }

    static PythonDictView values(Map<?, ?> dict) {
        return new PythonDictView("dict_values", new ArrayList<>(dict.values()));
    }

    static PythonDictView items(Map<?, ?> dict) {
        List<Object> pairs = new ArrayList<>();
        dict.forEach((key, value) -> pairs.add(PythonTuple.of(key, value)));
        return new PythonDictView("dict_items", pairs);
    }

    /** {@code dict_keys}, {@code dict_values} or {@code dict_items}. */
    @Override
    public String typeName() {
        return typeName;
    }

    /** Python's {@code str()}: {@code dict_keys(['a', 'b'])}. */
    @Override
    public String str() {
        return typeName + "(" + PythonRepr.repr(new ArrayList<>(items)) + ")";
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** The list it holds, as ansible-playbook 2.14 shows a view inside text. */
    @Override
    public String repr() {
        return PythonRepr.repr(new ArrayList<>(items));
    }

    @Override
    public boolean truth() {
        return !items.isEmpty();
    }
}
