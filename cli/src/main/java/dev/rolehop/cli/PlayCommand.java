package dev.rolehop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code rolehop play}: being built; see the open issues. */
@Command(name = "play", description = "(not built yet)")
final class PlayCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("rolehop play: not built yet");
        return 2;
    }
}
