package dev.rolehop.local.wire;

/**
 * Writes the XML of AWS query-protocol responses: elements, text and escaping, nothing more.
 *
 * <p>Output has no whitespace between elements, like AWS's own responses after minification;
 * SDK and botocore parsers ignore layout either way.
 */
public final class XmlWriter {

    private static final char REPLACEMENT = '\uFFFD';

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

    /**
     * Escapes text for element content. Whatever was stored, the answer stays well-formed XML
     * 1.0: a character XML cannot carry (a control character other than tab, line feed and
     * return, an unpaired surrogate, U+FFFE, U+FFFF) becomes U+FFFD, the replacement character;
     * a carriage return is written as {@code &#xD;} so parsers keep it.
     */
    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                case '\t', '\n' -> out.append(c);
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        out.append(REPLACEMENT);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
