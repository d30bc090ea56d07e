package dev.rolehop.cli.creds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.local.DemoWorld;
import dev.rolehop.local.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profile: lab} (MFA-guarded role of the demo world) across a built-in AWS task and
 * amazon.aws modules rolehop does not build in, run through Ansible's installed code, in one
 * {@code rolehop play} on a terminal against {@code rolehop local}: the MFA code is asked for once,
 * the delegated modules get the lab session, and no secret shows at {@code -vvvv}. Needs
 * ansible-core with amazon.aws and boto3 (Debian's {@code ansible} and {@code python3-boto3}; CI
 * installs them).
 */
class DelegatedAwsModulesIT {

    private static final String PLAYBOOK = """
            - hosts: localhost
              gather_facts: false
              module_defaults:
                group/aws:
                  profile: lab
              tasks:
                - name: who am I (built in)
                  amazon.aws.aws_caller_info:
                  register: me
                - name: the lab's instances (built in)
                  amazon.aws.ec2_instance_info:
                  register: instances
                - name: the lab's default subnets (built in)
                  amazon.aws.ec2_vpc_subnet_info:
                    filters: {default-for-az: "true"}
                  register: subnets
                - name: a network interface (delegated to amazon.aws)
                  amazon.aws.ec2_eni:
                    subnet_id: "{{ subnets.subnets[0].id }}"
                    private_ip_address: "{{ subnets.subnets[0].cidr_block.split('/')[0].rsplit('.', 1)[0] }}.200"
                - name: the same interface again (delegated, short name routed by ansible-core)
                  ec2_eni:
                    subnet_id: "{{ subnets.subnets[0].id }}"
                    private_ip_address: "{{ subnets.subnets[0].cidr_block.split('/')[0].rsplit('.', 1)[0] }}.200"
                  register: eni
                - debug:
                    msg: "account={{ me.account }} eni={{ eni.interface.private_ip_address }} instances={{ instances.instances | length }}"
            """;

    @TempDir
    Path dir;

    private Path world;
    private LocalAws local;
    private RolehopProcess rolehop;

    @BeforeEach
    void start() throws IOException, InterruptedException {
        requireAnsibleWithBoto3();
        world = DemoWorld.write(dir.resolve("demo"));
        Path home = Files.createDirectories(dir.resolve("home"));
        rolehop = new RolehopProcess(home).demoAwsFiles(dir.resolve("demo"));
        local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0));
        rolehop.env("AWS_ENDPOINT_URL", local.endpoint().toString());
        Files.writeString(home.resolve("playbook.yml"), PLAYBOOK);
    }

    @AfterEach
    void stop() {
        if (local != null) {
            local.close();
        }
    }

    private static void requireAnsibleWithBoto3() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(
                        "/usr/bin/python3",
                        "-c",
                        "import ansible, boto3, ansible_collections.amazon.aws.plugins.modules.ec2_eni")
                .redirectErrorStream(true)
                .start();
        boolean installed = Files.isExecutable(Path.of("/usr/bin/python3")) && probe.waitFor() == 0;
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed)
                    .as("CI installs ansible (with amazon.aws) and python3-boto3")
                    .isTrue();
        }
        Assumptions.assumeTrue(installed, "ansible-core with amazon.aws and boto3 is not installed");
    }

    @Test
    void oneMfaCodeServesBuiltInAndDelegatedTasksAndNoSecretShows() throws Exception {
        List<String> play = List.of(
                RolehopProcess.launcher().toString(),
                "play",
                "-vvvv",
                rolehop.home().resolve("playbook.yml").toString());
        String screen;
        try (TerminalSession session = TerminalSession.start(play, rolehop.environment())) {
            assertThat(session.waitFor("Enter MFA code for arn:aws:iam::111111111111:mfa/alice: "))
                    .as(session.screen())
                    .isTrue();
            session.typeLine(LocalAws.mfaCode(world, DemoWorld.MFA_SERIAL, Instant.now()));
            assertThat(session.exitCode()).as(session.screen()).isZero();
            screen = session.screen();
        }

        assertThat(count(screen, "Enter MFA code")).as(screen).isEqualTo(1);
        assertThat(screen)
                .contains("Using module file ")
                .contains("amazon/aws/plugins/modules/ec2_eni.py")
                .contains("redirecting (type: modules) ansible.builtin.ec2_eni to amazon.aws.ec2_eni")
                .contains("\"msg\": \"account=222222222222 eni=172.31.0.200 instances=1\"")
                .contains("\"profile\": \"lab\"")
                .contains("\"aws_secret_key\": \"VALUE_SPECIFIED_IN_NO_LOG_PARAMETER\"")
                .contains("\"aws_access_key\": \"VALUE_SPECIFIED_IN_NO_LOG_PARAMETER\"")
                .containsPattern("localhost +: ok=6 +changed=1 +unreachable=0 +failed=0");
        for (String secret : secrets()) {
            assertThat(screen).doesNotContain(secret);
        }

        // The next run of the session asks nothing: built-in and delegated tasks reuse the cached session.
        try (TerminalSession again = TerminalSession.start(play, rolehop.environment())) {
            assertThat(again.exitCode()).as(again.screen()).isZero();
            assertThat(again.screen())
                    .doesNotContain("Enter MFA code")
                    .contains("\"msg\": \"account=222222222222 eni=172.31.0.200 instances=1\"")
                    .containsPattern("localhost +: ok=6 +changed=0 ");
            for (String secret : secrets()) {
                assertThat(again.screen()).doesNotContain(secret);
            }
        }
    }

    /** The lab session's keys from the shared cache, and the jump account's secret key. */
    private List<String> secrets() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(rolehop.home().resolve(".aws/cli/cache"))) {
            for (Path entry :
                    entries.filter(p -> p.toString().endsWith(".json")).toList()) {
                String text = Files.readString(entry);
                out.add(field(text, "AccessKeyId"));
                out.add(field(text, "SecretAccessKey"));
                out.add(field(text, "SessionToken"));
            }
        }
        assertThat(out).hasSize(3);
        out.add(field(Files.readString(rolehop.home().resolve(".aws/credentials")), "aws_secret_access_key"));
        return out;
    }

    private static String field(String text, String name) {
        Matcher m =
                Pattern.compile("\"?" + name + "\"?\\s*[:=]\\s*\"?([^\"\\n]+)").matcher(text);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1).strip();
    }

    private static int count(String text, String fragment) {
        return text.split(Pattern.quote(fragment), -1).length - 1;
    }
}
