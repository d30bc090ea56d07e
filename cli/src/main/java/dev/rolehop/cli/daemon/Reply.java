package dev.rolehop.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A daemon's answer to one request: what the run printed and its exit code, or why it declined to
 * run it (the caller then runs the line itself). A run's output is sent whole once it is over, so
 * a declined or broken request has printed nothing.
 *
 * @param declined why the daemon did not answer; null when it did
 */
public record Reply(int exitCode, byte[] out, byte[] err, String declined) {

    /** The answer of a run that ended with {@code exitCode}. */
    public static Reply served(int exitCode, byte[] out, byte[] err) {
        return new Reply(exitCode, out, err, null);
    }

    /** No answer: the caller runs the line itself. */
    public static Reply declined(String reason) {
        return new Reply(0, new byte[0], new byte[0], reason);
    }

    public boolean isServed() {
        return declined == null;
    }

    void writeTo(DataOutputStream stream) throws IOException {
        stream.writeBoolean(isServed());
        if (isServed()) {
            stream.writeInt(exitCode);
            writeBytes(stream, out);
            writeBytes(stream, err);
        } else {
            stream.writeUTF(declined);
        }
        stream.flush();
    }

    static Reply readFrom(DataInputStream stream) throws IOException {
        if (!stream.readBoolean()) {
            return declined(stream.readUTF());
        }
        int exitCode = stream.readInt();
        return served(exitCode, readBytes(stream), readBytes(stream));
    }

    private static void writeBytes(DataOutputStream stream, byte[] bytes) throws IOException {
        stream.writeInt(bytes.length);
        stream.write(bytes);
    }

    private static byte[] readBytes(DataInputStream stream) throws IOException {
        int length = stream.readInt();
        if (length < 0) {
            throw new IOException("a daemon reply of negative length");
        }
        return stream.readNBytes(length);
    }
}
