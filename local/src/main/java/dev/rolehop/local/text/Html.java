package dev.rolehop.local.text;

/** Escapes text for the small HTML pages rolehop local serves. */
public final class Html {

    private Html() {}

    /** The text with {@code & < > "} escaped, safe in element content and quoted attributes. */
    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
