package dev.rolehop.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in NAT gateway, Elastic IP and network interface info modules of issue 13, each in a
 * playbook run by the packaged CLI against a real rolehop local; the playbooks assert the results
 * themselves, and the calls listed at -vvv prove the built-in module ran and how few calls it made.
 */
class NetworkAddressModulesIT extends PlaybooksOnLocal {

    @Test
    void aNatGatewayIsMadeWithANewAddressWaitedForKeptAndDeletedWithItsAddressReleased() throws Exception {
        Path play = playbook("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  module_defaults:
                    group/aws:
                      region: us-east-1
                  tasks:
                    - amazon.aws.ec2_vpc_subnet_info:
                        filters: {default-for-az: "true"}
                      register: subnets
                    - ec2_vpc_nat_gateway:
                        subnet_id: "{{ subnets.subnets[0].id }}"
                        if_exist_do_not_create: true
                        wait: true
                        tags: {Name: e2e}
                      register: nat
                    - ec2_vpc_nat_gateway:
                        subnet_id: "{{ subnets.subnets[0].id }}"
                        if_exist_do_not_create: true
                        tags: {Name: e2e}
                      register: again
                    - ec2_vpc_nat_gateway: {state: absent}
                      register: no_id
                      ignore_errors: true
                    - ec2_vpc_nat_gateway:
                        nat_gateway_id: "{{ nat.nat_gateway_id }}"
                        state: absent
                        wait: true
                        release_eip: true
                      register: deleted
                    - ec2_eip_info:
                      register: addresses
                    - assert:
                        that:
                          - nat is changed
                          - nat.state == 'available'
                          - nat.tags.Name == 'e2e'
                          - nat.nat_gateway_addresses[0].allocation_id is match('eipalloc-')
                          - again is not changed
                          - again.msg == 'NAT Gateway ' ~ nat.nat_gateway_id ~ ' already exists in subnet_id ' ~ subnets.subnets[0].id
                          - no_id.msg == 'state is absent but all of the following are missing: nat_gateway_id'
                          - deleted is changed
                          - deleted.state == 'deleted'
                          - deleted.msg == ''
                          - addresses.addresses == []
                """);
        var run = rolehop.play(dir, Map.of(), play.toString(), "-vvv");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.recap())
                .isEqualTo("localhost : ok=7 changed=2 unreachable=0 failed=0 skipped=0 rescued=0 ignored=1");
        assertThat(run.awsCalls())
                .containsExactly(
                        "ec2 DescribeSubnets",
                        "ec2 DescribeNatGateways",
                        "ec2 AllocateAddress",
                        "ec2 CreateNatGateway",
                        "ec2 DescribeNatGateways",
                        "ec2 DescribeNatGateways",
                        "ec2 DescribeNatGateways",
                        "ec2 DeleteNatGateway",
                        "ec2 DescribeNatGateways",
                        "ec2 ReleaseAddress",
                        "ec2 DescribeAddresses");
    }

    @Test
    void anElasticIpIsAllocatedTaggedFoundAgainAndReleasedAndBadArgumentsFailAsAmazonAwsSays() throws Exception {
        Path play = playbook("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  module_defaults:
                    group/aws:
                      region: us-east-1
                  tasks:
                    - ec2_eip: {in_vpc: true, tags: {Name: e2e}}
                      register: eip
                    - ec2_eip: {in_vpc: true, public_ip: "{{ eip.public_ip }}", tags: {Name: e2e}}
                      register: again
                    - ec2_eip: {device_id: eni-0123456789abcdef0}
                      register: eni_without_vpc
                      ignore_errors: true
                    - ec2_eip: {tag_value: x}
                      register: value_without_name
                      ignore_errors: true
                    - ec2_eip_info:
                        filters: {"tag:Name": e2e}
                      register: info
                    - ec2_eni_info: {eni_id: eni-0123456789abcdef0}
                      register: no_interface
                    - ec2_eip: {public_ip: "{{ eip.public_ip }}", state: absent}
                      register: released
                    - assert:
                        that:
                          - eip is changed
                          - again is not changed
                          - again.allocation_id == eip.allocation_id
                          - eni_without_vpc.msg == 'If you are specifying an ENI, in_vpc must be true'
                          - value_without_name.msg == "parameters are required together: ('tag_name', 'tag_value')"
                          - info.addresses[0].tags.Name == 'e2e'
                          - info.addresses[0].domain == 'vpc'
                          - no_interface.network_interfaces == []
                          - released is changed
                          - released.released
                """);
        var run = rolehop.play(dir, Map.of(), play.toString(), "-vvv");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.recap())
                .isEqualTo("localhost : ok=8 changed=2 unreachable=0 failed=0 skipped=0 rescued=0 ignored=2");
        assertThat(run.awsCalls())
                .containsExactly(
                        "ec2 AllocateAddress",
                        "ec2 CreateTags",
                        "ec2 DescribeAddresses",
                        "ec2 DescribeAddresses",
                        "ec2 DescribeNetworkInterfaces",
                        "ec2 DescribeAddresses",
                        "ec2 ReleaseAddress");
    }
}
