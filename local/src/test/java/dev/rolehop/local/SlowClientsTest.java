package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Slow and idle clients never block others: headers sent a byte at a time hold no shared
 * resource a normal request needs, and the server cuts a request that does not arrive within
 * its time limit ({@link LocalAws#MAX_REQUEST_SECONDS}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientsTest {

    private static final int SLOW_CLIENTS = 32;

    private final LocalFixture f = new LocalFixture();

    @AfterAll
    void stop() {
        f.close();
    }

    /** A client that sends an endless request header, one byte every {@code pauseMillis}. */
    private final class Trickler implements AutoCloseable {
        final Socket socket;
        final AtomicBoolean stop = new AtomicBoolean();
        final Thread thread;
        volatile int sent;

        Trickler(long pauseMillis) throws IOException {
            socket = new Socket(f.endpoint().getHost(), f.endpoint().getPort());
            socket.setTcpNoDelay(true);
            byte[] header = ("POST / HTTP/1.1\r\nHost: " + f.endpoint().getAuthority() + "\r\nX-Slow: "
                            + "a".repeat(100_000))
                    .getBytes(StandardCharsets.US_ASCII);
            OutputStream out = socket.getOutputStream();
            thread = new Thread(() -> {
                try {
                    for (int i = 0; i < header.length && !stop.get(); i++) {
                        out.write(header[i]);
                        out.flush();
                        sent++;
                        Thread.sleep(pauseMillis);
                    }
                } catch (IOException | InterruptedException closed) {
                    // The server cut us off, or the test is over.
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            stop.set(true);
            socket.close();
        }
    }

    private long millisOfOneNormalRequest(StsClient sts) {
        long started = System.nanoTime();
        CompletableFuture<String> call =
                CompletableFuture.supplyAsync(() -> sts.getCallerIdentity().arn());
        try {
            assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("arn:aws:iam::111111111111:user/alice");
        } catch (java.util.concurrent.TimeoutException e) {
            return 10_000;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void thirtyTwoClientsSendingHeadersAByteAtATimeDoNotDelayANormalRequestByMoreThanASecond() throws Exception {
        try (StsClient sts = f.sts(f.alice())) {
            millisOfOneNormalRequest(sts); // warm-up: class loading and the first connection
            long alone = millisOfOneNormalRequest(sts);
            List<Trickler> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    slow.add(new Trickler(50));
                }
                // Every slow client has begun its request: each now holds whatever it can hold.
                while (slow.stream().anyMatch(t -> t.sent < 5)) {
                    Thread.sleep(10);
                }
                Thread.sleep(200);
                long besideSlowClients = millisOfOneNormalRequest(sts);
                assertThat(besideSlowClients - alone)
                        .as(
                                "a normal request beside %d slow clients took %d ms (alone: %d ms)",
                                SLOW_CLIENTS, besideSlowClients, alone)
                        .isLessThan(1000);
            } finally {
                for (Trickler t : slow) {
                    t.close();
                }
            }
        }
    }

    @Test
    void aRequestWhoseHeadersNeverEndIsCutOffAfterTheRequestTimeLimit() throws Exception {
        try (Trickler t = new Trickler(100)) {
            t.socket.setSoTimeout(
                    (int) Duration.ofSeconds(LocalAws.MAX_REQUEST_SECONDS + 10).toMillis());
            long started = System.nanoTime();
            InputStream in = t.socket.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept a never-ending request open", e);
            } catch (SocketException reset) {
                read = -1;
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertThat(read).isEqualTo(-1);
            assertThat(seconds).isBetween(LocalAws.MAX_REQUEST_SECONDS - 1L, LocalAws.MAX_REQUEST_SECONDS + 2L);
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() throws Exception {
        try (Socket idle = new Socket(f.endpoint().getHost(), f.endpoint().getPort())) {
            idle.setSoTimeout(
                    (int) Duration.ofSeconds(LocalAws.MAX_REQUEST_SECONDS + 10).toMillis());
            int read;
            try {
                read = idle.getInputStream().read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept a silent connection open", e);
            } catch (SocketException reset) {
                read = -1;
            }
            assertThat(read).isEqualTo(-1);
        }
    }
}
