package dev.rolehop.cli;

import dev.rolehop.cli.daemon.DaemonServer;
import dev.rolehop.cli.daemon.Reply;
import dev.rolehop.engine.error.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The main class of a warm daemon ({@link dev.rolehop.cli.daemon}): answers the plain {@code creds}
 * and {@code whoami} lines of the processes that share its key, as those processes would answer
 * them, and declines the rest. It has no terminal: a run that would ask for an MFA code is
 * declined, and its client asks on its own terminal.
 *
 * <p>Arguments: the file to write its address to and the key its clients must have. Its standard error is
 * its log.
 */
public final class DaemonMain {

    private DaemonMain() {}

    public static void main(String[] args) {
        System.exit(serve(args, System.err));
    }

    /** Serves as {@code args} say, logging to {@code log}; the exit code. */
    static int serve(String[] args, PrintStream log) {
        if (args.length != 2) {
            log.println("usage: DaemonMain ADDRESS_FILE KEY (rolehop starts its daemons itself)");
            return ExitCode.USAGE;
        }
        return DaemonServer.serve(Path.of(args[0]), args[1], DaemonMain::answer, log);
    }

    static Reply answer(List<String> args) {
        Optional<PlainRun> line = PlainRun.parse(args.toArray(String[]::new)).filter(PlainRun::servedByDaemon);
        if (line.isEmpty()) {
            return Reply.declined("not a plain creds or whoami line");
        }
        NoTerminal prompt = new NoTerminal();
        line.get().credentials().prompt = prompt;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // The client's streams print in its charset, which is this process's: it has the same environment.
        Charset charset = Charset.defaultCharset();
        int exitCode = line.get().run(new PrintStream(out, true, charset), new PrintStream(err, true, charset));
        if (prompt.asked()) {
            return Reply.declined("an MFA code must be asked on the terminal");
        }
        return Reply.served(exitCode, out.toByteArray(), err.toByteArray());
    }
}
