package dev.rolehop.cli;

import java.util.Map;

/** Opens a URL in the user's browser, where there is one to open. */
final class Browser {
    private Browser() {}

    /** Whether a browser was started: {@code BROWSER}, else {@code xdg-open} with a display, {@code open} on macOS. */
    static boolean open(String url, Map<String, String> environment) {
        String command;
        if (environment.get("BROWSER") != null && !environment.get("BROWSER").isBlank()) {
            command = environment.get("BROWSER").strip();
        } else if (System.getProperty("os.name", "").startsWith("Mac")) {
            command = "open";
        } else if (environment.containsKey("DISPLAY") || environment.containsKey("WAYLAND_DISPLAY")) {
            command = "xdg-open";
        } else {
            return false;
        }
        try {
            new ProcessBuilder(command, url)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return true;
        } catch (java.io.IOException notThere) {
            return false;
        }
    }
}
