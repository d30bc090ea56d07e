package dev.rolehop.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client asks a daemon: the command line to run, with the client secret of the daemon's
 * {@link DaemonAddress} and the key the client computed, both checked by the daemon before it
 * answers.
 */
record Request(String secret, String key, List<String> args) {

    /** "RLH" and the protocol's version: a client and a daemon of other versions decline each other. */
    private static final int MAGIC = 0x524c4801;

    Request {
        args = List.copyOf(args);
    }

    @Override
    public String toString() {
        // Neither the secret nor the options (an MFA code) go into a log or message.
        return "Request[" + (args.isEmpty() ? "" : args.get(0)) + "]";
    }

    void writeTo(DataOutputStream stream) throws IOException {
        stream.writeInt(MAGIC);
        stream.writeUTF(secret);
        stream.writeUTF(key);
        stream.writeInt(args.size());
        for (String arg : args) {
            stream.writeUTF(arg);
        }
        stream.flush();
    }

    static Request readFrom(DataInputStream stream) throws IOException {
        if (stream.readInt() != MAGIC) {
            throw new IOException("not a request of this rolehop version");
        }
        String secret = stream.readUTF();
        String key = stream.readUTF();
        int count = stream.readInt();
        if (count < 0 || count > 10_000) {
            throw new IOException("a request of " + count + " arguments");
        }
        List<String> args = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            args.add(stream.readUTF());
        }
        return new Request(secret, key, args);
    }
}
