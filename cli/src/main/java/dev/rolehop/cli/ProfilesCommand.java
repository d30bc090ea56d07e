package dev.rolehop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code rolehop profiles}: being built; see the open issues. */
@Command(name = "profiles", description = "(not built yet)")
final class ProfilesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("rolehop profiles: not built yet");
        return 2;
    }
}
