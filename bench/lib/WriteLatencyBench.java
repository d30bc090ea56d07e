import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The latency of one durable write (CreateSecurityGroup, answered once it is on disk) as the
 * state grows: the account is filled to each size by 8 client threads, then one client times
 * single creates back to back. Usage:
 * java -cp 'DIST/lib/*' WriteLatencyBench.java ENDPOINT KEY SECRET WRITES SIZE...
 * Prints one line per size: size writes median p90 p99 max (milliseconds).
 */
public class WriteLatencyBench {

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        String key = args[1];
        String secret = args[2];
        int writes = Integer.parseInt(args[3]);
        List<Ec2Client> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(Ec2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
        }
        AtomicInteger groups = new AtomicInteger(clients.get(0).describeSecurityGroups().securityGroups().size());
        AtomicInteger names = new AtomicInteger();
        // Warm-up: the JIT of client and server.
        for (int i = 0; i < 200; i++) {
            clients.get(0).createSecurityGroup(r -> r.groupName("warm-" + names.incrementAndGet()).description("w"));
            groups.incrementAndGet();
        }
        for (int a = 4; a < args.length; a++) {
            int size = Integer.parseInt(args[a]);
            List<Thread> fillers = new ArrayList<>();
            for (Ec2Client c : clients) {
                Thread t = new Thread(() -> {
                    while (groups.getAndIncrement() < size) {
                        c.createSecurityGroup(r -> r.groupName("fill-" + names.incrementAndGet()).description("f"));
                    }
                    groups.decrementAndGet();
                });
                t.start();
                fillers.add(t);
            }
            for (Thread t : fillers) {
                t.join();
            }
            double[] ms = new double[writes];
            for (int i = 0; i < writes; i++) {
                String name = "timed-" + names.incrementAndGet();
                long start = System.nanoTime();
                clients.get(0).createSecurityGroup(r -> r.groupName(name).description("t"));
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            groups.addAndGet(writes);
            Arrays.sort(ms);
            System.out.printf("%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f%n", size, writes, ms[writes / 2], ms[writes * 9 / 10],
                    ms[Math.min(writes - 1, writes * 99 / 100)], ms[writes - 1]);
        }
        clients.forEach(Ec2Client::close);
    }
}
