package dev.rolehop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code rolehop demo}: being built; see the open issues. */
@Command(name = "demo", description = "(not built yet)")
final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("rolehop demo: not built yet");
        return 2;
    }
}
