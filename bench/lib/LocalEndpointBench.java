import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Requests per second of rolehop local for DescribeSecurityGroups and CreateSecurityGroup from
 * the AWS SDK for Java v2 (URLConnection client, real SigV4), with 1 and 8 client threads.
 * Usage: java -cp 'DIST/lib/*' LocalEndpointBench.java ENDPOINT KEY SECRET SECONDS
 * Prints one line per measurement: name threads requests seconds.
 */
public class LocalEndpointBench {

    interface Call {
        void run(Ec2Client ec2, int thread, long n);
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        String key = args[1];
        String secret = args[2];
        double seconds = Double.parseDouble(args[3]);
        List<Ec2Client> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(Ec2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
        }
        for (int i = 0; i < 20; i++) {
            int n = i;
            clients.get(0).createSecurityGroup(r -> r.groupName("bench-seed-" + n).description("seed"));
        }
        String one = clients.get(0).describeSecurityGroups(r -> r.filters(f -> f.name("group-name").values("bench-seed-0")))
                .securityGroups().get(0).groupId();
        Call describe = (ec2, t, n) -> ec2.describeSecurityGroups(r -> r.groupIds(one));
        Call describeAll = (ec2, t, n) -> ec2.describeSecurityGroups();
        Call create = (ec2, t, n) -> ec2.createSecurityGroup(r -> r.groupName("bench-" + t + "-" + n + "-" + System.nanoTime())
                .description("bench"));
        measure("warm-up", clients, 8, seconds / 2, describe, false);
        measure("warm-up", clients, 8, seconds / 2, create, false);
        measure("DescribeSecurityGroups (one group by id)", clients, 1, seconds, describe, true);
        measure("DescribeSecurityGroups (one group by id)", clients, 8, seconds, describe, true);
        measure("DescribeSecurityGroups (all groups of the account, ~20-200)", clients, 1, seconds, describeAll, true);
        measure("CreateSecurityGroup (durable: fsync + rename per call)", clients, 1, seconds, create, true);
        measure("CreateSecurityGroup (durable: fsync + rename per call)", clients, 8, seconds, create, true);
        clients.forEach(Ec2Client::close);
    }

    private static void measure(String name, List<Ec2Client> clients, int threads, double seconds, Call call,
                                boolean print) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread w = new Thread(() -> {
                for (long n = 0; !stop.get(); n++) {
                    call.run(clients.get(thread), thread, n);
                    done.incrementAndGet();
                }
            });
            w.start();
            workers.add(w);
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (print) {
            System.out.println(name + "\t" + threads + "\t" + done.get() + "\t" + String.format("%.2f", elapsed));
        }
    }
}
