package dev.rolehop.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playbooks with AWS modules, run by the packaged CLI against a real rolehop local. */
class AwsPlaybooksIT {

    @TempDir
    Path dir;

    PackagedRolehop rolehop;

    @BeforeEach
    void start() {
        rolehop = new PackagedRolehop(dir);
    }

    @AfterEach
    void stop() {
        rolehop.close();
    }

    /** A copy of examples/seed, so that runs never write into the source tree. */
    private Path seed() throws IOException {
        Path root = Path.of(System.getProperty("rolehop.dist"))
                .toAbsolutePath()
                .getParent()
                .getParent()
                .getParent()
                .getParent();
        Path source = root.resolve("examples/seed");
        Path copy = dir.resolve("seed");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    private Path playbook(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private static final String JUMP_GROUP = """
            - hosts: localhost
              connection: local
              gather_facts: false
              module_defaults:
                group/aws:
                  region: us-east-1
              tasks:
                - name: Group in the jump account
                  amazon.aws.ec2_security_group:
                    name: e2e-web
                    description: Web servers
                    state: "{{ state | default('present') }}"
                    purge_rules: "{{ purge | default(true) }}"
                    rules: "{{ rules | default([{'proto': 'tcp', 'ports': [80, 443], 'cidr_ip': '203.0.113.0/24'}]) }}"
                    tags: "{{ tags | default({'env': 'e2e'}) }}"
            """;

    @Test
    void theClassicRecipeCreatesTheGroupInTheLabAccountInFourCallsThenTwo() throws Exception {
        Path seed = seed();
        var first = rolehop.play(seed, Map.of(), "test.yml", "-e", "sts_mfatoken=" + rolehop.mfaCode(), "-vvv");
        assertThat(first.exitCode()).as(first.stdout() + first.stderr()).isZero();
        assertThat(first.recap())
                .isEqualTo("localhost : ok=3 changed=2 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
        assertThat(first.awsCalls())
                .containsExactly(
                        "sts AssumeRole",
                        "ec2 DescribeSecurityGroups",
                        "ec2 CreateSecurityGroup",
                        "ec2 AuthorizeSecurityGroupIngress");

        var again = rolehop.play(seed, Map.of(), "test.yml", "-e", "sts_mfatoken=" + rolehop.mfaCode(), "-vvv");
        assertThat(again.recap())
                .isEqualTo("localhost : ok=3 changed=1 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
        assertThat(again.awsCalls()).containsExactly("sts AssumeRole", "ec2 DescribeSecurityGroups");
        assertThat(first.stdout() + first.stderr() + again.stdout() + again.stderr())
                .doesNotContain(rolehop.jumpSecret());
    }

    @Test
    void aDeprecatedAliasPrintsTheDeprecationAnsiblePlaybookPrintsOnStderr() throws Exception {
        Path lab = repository().resolve("aws/src/test/resources/differential/recipe-lab");
        // recorded from ansible-playbook 2.14.18 + amazon.aws 5.5.1 by .ci/checks/ansible-aws
        String expected = Files.readString(lab.resolve("expected/01.deprecations"));
        // a copy, so that the run never writes into the source tree
        Path work = Files.createDirectories(dir.resolve("recipe-lab"));
        Files.copy(lab.resolve("lab.yml"), work.resolve("lab.yml"));

        var run = rolehop.play(work, Map.of(), "lab.yml", "-e", "mfa_code=" + rolehop.mfaCode());

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(deprecations(run.stderr())).isEqualTo(expected);
        assertThat(run.stdout()).doesNotContain("DEPRECATION");
    }

    /** The [DEPRECATION WARNING] messages of a run's stderr over their wrapped lines, as .ci/checks/ansible-aws cuts them. */
    private static String deprecations(String stderr) {
        StringBuilder out = new StringBuilder();
        boolean on = false;
        for (String line : stderr.split("\n", -1)) {
            on |= line.startsWith("[DEPRECATION WARNING]: ");
            if (on) {
                out.append(line).append('\n');
                on = !line.endsWith("ansible.cfg.");
            }
        }
        return out.toString();
    }

    private static Path repository() {
        return Path.of(System.getProperty("rolehop.dist"))
                .toAbsolutePath()
                .getParent()
                .getParent()
                .getParent()
                .getParent();
    }

    @Test
    void theShortRecipeTakesTheMfaCodeOnceAndTheNextRunReusesTheCache() throws Exception {
        Path seed = seed();
        var first = rolehop.play(seed, PackagedRolehop.env("ROLEHOP_MFA_TOKEN", rolehop.mfaCode()), "short.yml");
        assertThat(first.exitCode()).as(first.stdout() + first.stderr()).isZero();
        assertThat(first.recap())
                .isEqualTo("localhost : ok=1 changed=1 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");

        var second = rolehop.play(seed, Map.of(), "short.yml");
        assertThat(second.exitCode()).as(second.stdout() + second.stderr()).isZero();
        assertThat(second.recap())
                .isEqualTo("localhost : ok=1 changed=0 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
    }

    @Test
    void aGroupIsCreatedLeftAloneUpdatedAndDeleted() throws Exception {
        Path play = playbook("group.yml", JUMP_GROUP);
        assertThat(rolehop.play(dir, Map.of(), play.toString()).recap()).contains("ok=1 changed=1 ");
        assertThat(rolehop.play(dir, Map.of(), play.toString()).recap()).contains("ok=1 changed=0 ");

        var narrowed = rolehop.play(
                dir,
                Map.of(),
                play.toString(),
                "-e",
                "{\"rules\": [{\"proto\": \"tcp\", \"ports\": 443, \"cidr_ip\": \"203.0.113.0/24\"}], \"tags\": {\"env\": \"prod\"}}");
        assertThat(narrowed.recap()).contains("ok=1 changed=1 ");
        var kept = rolehop.play(
                dir,
                Map.of(),
                play.toString(),
                "-e",
                "{\"purge\": false, \"rules\": [], \"tags\": {\"env\": \"prod\"}}");
        assertThat(kept.recap()).contains("ok=1 changed=0 ");

        assertThat(rolehop.play(dir, Map.of(), play.toString(), "-e", "state=absent")
                        .recap())
                .contains("ok=1 changed=1 ");
        assertThat(rolehop.play(dir, Map.of(), play.toString(), "-e", "state=absent")
                        .recap())
                .contains("ok=1 changed=0 ");
    }

    @Test
    void checkModeWithDiffShowsTheChangeAndMakesNone() throws Exception {
        Path play = playbook("group.yml", JUMP_GROUP);
        var checked = rolehop.play(dir, Map.of(), play.toString(), "--check", "--diff", "-vvv");
        assertThat(checked.exitCode()).as(checked.stdout() + checked.stderr()).isZero();
        assertThat(checked.recap()).contains("ok=1 changed=1 ");
        assertThat(checked.stdout()).contains("203.0.113.0/24");
        assertThat(checked.awsCalls()).containsExactly("ec2 DescribeSecurityGroups");

        assertThat(rolehop.play(dir, Map.of(), play.toString()).recap()).contains("ok=1 changed=1 ");
    }

    @Test
    void anAwsErrorFailsTheTaskWithTheAwsCodeAndNoStackTrace() throws Exception {
        Path play = playbook("assume.yml", """
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  tasks:
                    - name: The lab role demands MFA
                      sts_assume_role:
                        role_arn: arn:aws:iam::222222222222:role/lab-admin
                        role_session_name: e2e
                        region: us-east-1
                """);
        var run = rolehop.play(dir, Map.of(), play.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout())
                .contains("fatal: [localhost]: FAILED! =>")
                .contains("An error occurred (AccessDenied) when calling the AssumeRole operation");
        assertThat(run.stdout() + run.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
