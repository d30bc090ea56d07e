package dev.rolehop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code rolehop whoami}: being built; see the open issues. */
@Command(name = "whoami", description = "(not built yet)")
final class WhoamiCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("rolehop whoami: not built yet");
        return 2;
    }
}
