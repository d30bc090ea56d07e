package dev.rolehop.engine.template.ansible;

import java.util.AbstractList;
import java.util.List;

/**
 * An immutable list that stands for a Python tuple, so {@link PythonRepr} prints it as
 * {@code (1, 'a')} the way Ansible prints the results of {@code zip}, {@code product} or
 * {@code subelements}; everywhere else (indexing, JSON) it behaves as a list.
 */
public final class PythonTuple extends AbstractList<Object> {
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
}
