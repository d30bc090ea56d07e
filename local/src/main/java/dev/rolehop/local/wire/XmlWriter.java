package dev.rolehop.local.wire;

/**
 * Writes the XML of AWS query-protocol responses: elements, text and escaping, nothing more.
 *
 * <p>Output has no whitespace between elements, like AWS's own responses after minification;
 * SDK and botocore parsers ignore layout either way.
 */
public final class XmlWriter {

    private final StringBuilder out = new StringBuilder(512);

    /** Starts a document with the XML declaration. */
    public XmlWriter() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    /** Opens an element with an {@code xmlns} attribute. */
    public XmlWriter open(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(namespace).append("\">");
        return this;
    }

    /** Opens an element. */
    public XmlWriter open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    /** Closes an element. */
    public XmlWriter close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** Writes {@code <name>text</name>}; a null text writes nothing at all. */
    public XmlWriter element(String name, Object text) {
        if (text == null) {
            return this;
        }
        open(name);
        escape(String.valueOf(text));
        return close(name);
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
