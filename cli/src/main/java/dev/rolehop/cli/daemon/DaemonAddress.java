package dev.rolehop.cli.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where a daemon listens (a loopback port) and the two secrets its clients and it prove themselves
 * with: written by the daemon in its {@link DaemonPlace}, which only its user can read. Any local
 * user can connect to a loopback port, so a daemon answers only a client that sends the client
 * secret, and a client sends nothing (its options may hold an MFA code) to a listener that has not
 * first sent the daemon secret: a port that a dead daemon left and someone else took is not trusted.
 *
 * @param port the loopback port
 * @param daemonSecret what the daemon sends first on every connection
 * @param clientSecret what a client sends before its request
 */
record DaemonAddress(int port, String daemonSecret, String clientSecret) {

    /** A new address for a daemon listening on {@code port}, with fresh secrets. */
    static DaemonAddress listeningOn(int port) {
        SecureRandom random = new SecureRandom();
        return new DaemonAddress(port, secret(random), secret(random));
    }

    /** The address in {@code file}; empty when there is none or it is not one. */
    static Optional<DaemonAddress> read(Path file) {
        try {
            String[] fields =
                    Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            if (fields.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new DaemonAddress(Integer.parseInt(fields[0]), fields[1], fields[2]));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Writes the address to {@code file}, 0600, atomically: a client never reads half of it. */
    void write(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, port + " " + daemonSecret + " " + clientSecret + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether {@code greeting} is this address's daemon secret (compared in constant time). */
    boolean isDaemonSecret(String greeting) {
        return sameSecret(greeting, daemonSecret);
    }

    /** Whether {@code secret} is this address's client secret (compared in constant time). */
    boolean isClientSecret(String secret) {
        return sameSecret(secret, clientSecret);
    }

    private static boolean sameSecret(String offered, String expected) {
        return MessageDigest.isEqual(
                offered.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        // The secrets stay out of every log and message.
        return "DaemonAddress[port=" + port + "]";
    }
}
