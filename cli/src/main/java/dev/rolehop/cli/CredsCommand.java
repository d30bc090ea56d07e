package dev.rolehop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code rolehop creds}: being built; see the open issues. */
@Command(name = "creds", description = "(not built yet)")
final class CredsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("rolehop creds: not built yet");
        return 2;
    }
}
