package dev.rolehop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code rolehop local}: being built; see the open issues. */
@Command(name = "local", description = "(not built yet)")
final class LocalCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("rolehop local: not built yet");
        return 2;
    }
}
