package dev.rolehop.local;

import java.nio.file.Path;

/**
 * Runs an endpoint in its own JVM for the crash test: {@code LocalAwsProcess WORLD STATE}
 * prints {@code endpoint: URL} and serves until killed.
 */
public final class LocalAwsProcess {

    private LocalAwsProcess() {}

    public static void main(String[] args) throws InterruptedException {
        LocalAws local = LocalAws.start(new LocalAws.Options(Path.of(args[0]), Path.of(args[1]), "127.0.0.1", 0));
        System.out.println("endpoint: " + local.endpoint());
        System.out.flush();
        Thread.currentThread().join();
    }
}
