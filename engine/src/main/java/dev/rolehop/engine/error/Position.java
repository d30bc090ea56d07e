package dev.rolehop.engine.error;

/**
 * Where a value was read: a file and a 1-based line and column, as Ansible's {@code ansible_pos}.
 *
 * @param file   the file's path as given, or {@code <string>} for text with no file
 * @param line   the 1-based line
 * @param column the 1-based column
 */
public record Position(String file, int line, int column) {

    /** A position for values that come from no file (command line, defaults). */
    public static final Position NONE = new Position("<string>", 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
