package dev.rolehop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code rolehop exec}: being built; see the open issues. */
@Command(name = "exec", description = "(not built yet)")
final class ExecCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("rolehop exec: not built yet");
        return 2;
    }
}
