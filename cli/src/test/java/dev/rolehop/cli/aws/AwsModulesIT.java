package dev.rolehop.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The modules beyond the classic recipe, each in a playbook run by the packaged CLI against a real
 * rolehop local; the playbooks assert the results' shapes themselves, so a wrong answer fails a task.
 */
class AwsModulesIT extends PlaybooksOnLocal {

    @Test
    void aSessionTokenWithMfaCallsAsTheUserAndItsSecretsAreNeverPrinted() throws Exception {
        Path play = playbook("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  tasks:
                    - name: A session of alice's, with MFA
                      amazon.aws.sts_session_token:
                        mfa_serial_number: arn:aws:iam::111111111111:mfa/alice
                        mfa_token: "{{ code }}"
                        duration_seconds: 900
                      register: session
                    - name: Who the session is
                      amazon.aws.aws_caller_info:
                        access_key: "{{ session.sts_creds.access_key }}"
                        secret_key: "{{ session.sts_creds.secret_key }}"
                        session_token: "{{ session.sts_creds.session_token }}"
                      register: me
                    - name: Keep the secrets where the test can read them (and no output may show them)
                      copy:
                        content: "{{ session.sts_creds.secret_key }} {{ session.sts_creds.session_token }}"
                        dest: "{{ playbook_dir }}/secrets.txt"
                    - assert:
                        that:
                          - session.changed
                          - session.sts_creds.access_key is match('ASIA')
                          - me.account == '111111111111'
                          - me.account_alias == 'jump'
                          - me.arn == 'arn:aws:iam::111111111111:user/alice'
                          - me.user_id is match('AIDA')
                """);
        String code = rolehop.mfaCode();
        var run = rolehop.play(dir, Map.of(), play.toString(), "-e", "code=" + code, "-vvvv");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.recap())
                .isEqualTo("localhost : ok=4 changed=2 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
        assertThat(run.awsCalls())
                .containsExactly("sts GetSessionToken", "sts GetCallerIdentity", "iam ListAccountAliases");
        String[] secrets = Files.readString(dir.resolve("secrets.txt")).split(" ");
        assertThat(secrets).hasSize(2);
        assertThat(run.stdout() + run.stderr())
                .doesNotContain(secrets[0])
                .doesNotContain(secrets[1])
                .doesNotContain(code);
    }

    @Test
    void theInfoModulesDescribeTheLabAccountThroughTheProfile() throws Exception {
        Path play = playbook("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  module_defaults:
                    group/aws:
                      profile: lab
                  tasks:
                    - amazon.aws.ec2_instance_info:
                        instance_ids: [i-0a1b2c3d4e5f60718]
                      register: instances
                    - amazon.aws.ec2_vpc_net_info:
                        filters: {is-default: "true"}
                      register: vpcs
                    - amazon.aws.ec2_security_group_info:
                        filters: {group-name: default, vpc-id: "{{ vpcs.vpcs[0].id }}"}
                      register: sgs
                    - assert:
                        that:
                          - instances.instances | length == 1
                          - instances.instances[0].instance_type == 't3.micro'
                          - instances.instances[0].state.name == 'running'
                          - instances.instances[0].tags.Name == 'lab-web'
                          - vpcs.vpcs | length == 1
                          - vpcs.vpcs[0].cidr_block == '172.31.0.0/16'
                          - vpcs.vpcs[0].owner_id == '222222222222'
                          - vpcs.vpcs[0].enable_dns_support and vpcs.vpcs[0].enable_dns_hostnames
                          - sgs.security_groups | length == 1
                          - sgs.security_groups[0].owner_id == '222222222222'
                """);
        var run = rolehop.play(dir, PackagedRolehop.env("ROLEHOP_MFA_TOKEN", rolehop.mfaCode()), play.toString());

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.recap())
                .isEqualTo("localhost : ok=4 changed=0 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
    }

    @Test
    void anEmptyAwsEndpointUrlIsIgnoredAsTheAwsCliIgnoresIt() throws Exception {
        Path play = playbook("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  tasks:
                    - amazon.aws.aws_caller_info:
                        profile: lab
                      register: caller
                    - assert:
                        that: caller.account == '222222222222'
                """);
        String endpoint = rolehop.endpoint().toString();
        var run = rolehop.play(
                dir,
                PackagedRolehop.env(
                        "AWS_ENDPOINT_URL",
                        "",
                        "AWS_URL",
                        "",
                        "AWS_ENDPOINT_URL_STS",
                        endpoint,
                        "ROLEHOP_MFA_TOKEN",
                        rolehop.mfaCode()),
                play.toString());

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.recap())
                .isEqualTo("localhost : ok=2 changed=0 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
    }

    @Test
    void egressRulesAndAReferencedGroupAreKeptAndCheckModeDeletesNothing() throws Exception {
        Path play = playbook("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  module_defaults:
                    group/aws:
                      region: us-east-1
                  tasks:
                    - amazon.aws.ec2_security_group:
                        name: e2e-db
                        description: Databases
                        state: "{{ state | default('present') }}"
                        rules:
                          - {proto: tcp, ports: 5432, group_name: e2e-app, group_desc: Application servers}
                          - {proto: icmp, icmp_type: 8, icmp_code: -1, cidr_ip: 10.0.0.0/8}
                        rules_egress:
                          - {proto: tcp, ports: 443, cidr_ipv6: "::/0", rule_desc: updates}
                      register: db
                    - assert:
                        that:
                          - db.ip_permissions | length == 2
                          - db.ip_permissions_egress | length == 1
                          - db.ip_permissions_egress[0].ipv6_ranges[0].description == 'updates'
                      when: state is not defined
                """);
        var created = rolehop.play(dir, Map.of(), play.toString());
        var again = rolehop.play(dir, Map.of(), play.toString(), "-vvv");
        var checked = rolehop.play(dir, Map.of(), play.toString(), "-e", "state=absent", "--check", "--diff", "-vvv");
        var kept = rolehop.play(dir, Map.of(), play.toString(), "-vvv");

        assertThat(created.exitCode()).as(created.stdout() + created.stderr()).isZero();
        assertThat(created.recap())
                .isEqualTo("localhost : ok=2 changed=1 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
        assertThat(again.recap())
                .isEqualTo("localhost : ok=2 changed=0 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
        assertThat(again.awsCalls()).containsExactly("ec2 DescribeSecurityGroups");
        assertThat(checked.recap())
                .isEqualTo("localhost : ok=1 changed=1 unreachable=0 failed=0 skipped=1 rescued=0 ignored=0");
        assertThat(checked.awsCalls()).containsExactly("ec2 DescribeSecurityGroups");
        assertThat(checked.stdout()).contains("e2e-db");
        assertThat(kept.recap())
                .isEqualTo("localhost : ok=2 changed=0 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
    }
}
