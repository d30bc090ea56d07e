package dev.rolehop.python;

/**
 * Python's {@code json.JSONDecodeError}: the message reads exactly as Python's
 * ({@code Expecting value: line 1 column 1 (char 0)}).
 */
public final class JsonDecodeError extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String msg;
    private final int pos;
    private final int lineno;
    private final int colno;

    JsonDecodeError(String msg, String doc, int pos) {
        super(message(msg, doc, pos));
        this.msg = msg;
        this.pos = pos;
        this.lineno = line(doc, pos);
        this.colno = pos - doc.lastIndexOf('\n', pos - 1);
    }

    private static String message(String msg, String doc, int pos) {
        return msg + ": line " + line(doc, pos) + " column " + (pos - doc.lastIndexOf('\n', pos - 1)) + " (char " + pos
                + ")";
    }

    private static int line(String doc, int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < doc.length(); i++) {
            if (doc.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The unformatted message ({@code Expecting value}). */
    public String msg() {
        return msg;
    }

    /** The index in the document where parsing failed. */
    public int pos() {
        return pos;
    }

    /** The line of {@link #pos()}, from 1. */
    public int lineno() {
        return lineno;
    }

    /** The column of {@link #pos()}, from 1. */
    public int colno() {
        return colno;
    }
}
