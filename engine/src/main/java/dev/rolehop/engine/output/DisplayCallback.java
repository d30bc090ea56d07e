package dev.rolehop.engine.output;

import dev.rolehop.engine.executor.Callback;

/**
 * What every stdout callback does alike, as Ansible's {@code CallbackBase} leaves it to the
 * display: module diagnostics, lines an action prints, warnings and errors.
 */
abstract class DisplayCallback implements Callback {

    protected final Display display;

    DisplayCallback(Display display) {
        this.display = display;
    }

    @Override
    public synchronized void log(String host, String message) {
        display.display("<" + host + "> " + message, Color.VERBOSE);
    }

    @Override
    public void display(String line) {
        display.display(line);
    }

    @Override
    public void warning(String message) {
        display.warning(message);
    }

    @Override
    public void error(String message, boolean wrapText) {
        display.errorMessage(message, wrapText);
    }
}
