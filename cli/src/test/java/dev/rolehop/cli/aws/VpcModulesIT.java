package dev.rolehop.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in VPC modules of issue 13 (ec2_vpc_net, ec2_vpc_subnet, ec2_vpc_route_table and its
 * _info module), run by the packaged CLI against a real rolehop local: the playbooks assert the
 * results, the calls listed at -vvv prove the built-in modules ran and how few calls they make.
 */
class VpcModulesIT extends PlaybooksOnLocal {

    @Test
    void aVpcWithASubnetAndARouteTableIsBuiltThenReRunWithOneCallPerModule() throws Exception {
        Path play = playbook("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  module_defaults:
                    group/aws:
                      region: us-east-1
                  tasks:
                    - amazon.aws.ec2_vpc_net: {name: it-net, cidr_block: 10.50.0.0/16, tags: {env: it}}
                      register: vpc
                    - ec2_vpc_subnet: {vpc_id: "{{ vpc.vpc.id }}", cidr: 10.50.1.0/24, tags: {Name: it-a}}
                      register: subnet
                    - ec2_vpc_route_table: {vpc_id: "{{ vpc.vpc.id }}", tags: {Name: it-rt}, subnets: [it-a]}
                      register: table
                    - ec2_vpc_net: {name: it-net, cidr_block: 10.50.0.0/16, tags: {env: it}}
                      register: vpc_again
                    - ec2_vpc_subnet: {vpc_id: "{{ vpc.vpc.id }}", cidr: 10.50.1.0/24, tags: {Name: it-a}}
                      register: subnet_again
                    - community.aws.ec2_vpc_route_table_info: {filters: {"tag:Name": it-rt}}
                      register: info
                    - assert:
                        that:
                          - vpc is changed and vpc.vpc.name == 'it-net' and vpc.vpc.state == 'available'
                          - vpc.vpc.tags == dict(Name='it-net', env='it')
                          - subnet is changed and subnet.subnet.id is match('subnet-')
                          - subnet.subnet.ipv6_cidr_block == '' and subnet.subnet.subnet_id is not defined
                          - table is changed and table.route_table.associations[0].subnet_id == subnet.subnet.id
                          - table.route_table.id == table.route_table.route_table_id
                          - vpc_again is not changed and subnet_again is not changed
                          - info.route_tables[0].routes[0].interface_id == None
                          - info.route_tables[0].associations[0].id is match('rtbassoc-')
                """);
        var run = rolehop.play(dir, Map.of(), play.toString(), "-vvv");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.recap())
                .isEqualTo("localhost : ok=7 changed=3 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
        assertThat(run.awsCalls())
                .containsExactly(
                        "ec2 DescribeVpcs",
                        "ec2 CreateVpc",
                        "ec2 ModifyVpcAttribute",
                        "ec2 DescribeVpcs",
                        "ec2 DescribeSubnets",
                        "ec2 CreateSubnet",
                        "ec2 DescribeSubnets",
                        "ec2 DescribeRouteTables",
                        "ec2 CreateRouteTable",
                        "ec2 DescribeSubnets",
                        "ec2 DescribeRouteTables",
                        "ec2 AssociateRouteTable",
                        "ec2 DescribeRouteTables",
                        "ec2 DescribeVpcs",
                        "ec2 DescribeSubnets",
                        "ec2 DescribeRouteTables");
    }

    @Test
    void badArgumentsFailWithAmazonAwsMessagesBeforeAnyCallAndAnUnknownTableIsAlreadyAbsent() throws Exception {
        Path play = playbook("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  module_defaults:
                    group/aws:
                      region: us-east-1
                  tasks:
                    - ec2_vpc_route_table: {lookup: id, vpc_id: vpc-0123456789abcdef0}
                      register: no_id
                      ignore_errors: true
                    - ec2_vpc_route_table: {route_table_id: rtb-0123456789abcdef0, lookup: id, state: absent}
                      register: no_vpc
                      ignore_errors: true
                    - ec2_vpc_net: {name: n, cidr_block: 10.9.0.0/16, dns_hostnames: true}
                      register: dns
                      ignore_errors: true
                    - ec2_vpc_subnet: {vpc_id: vpc-0123456789abcdef0, cidr: 10.9.0.0/24, assign_instances_ipv6: true}
                      register: ipv6
                      ignore_errors: true
                    - assert:
                        that:
                          - no_id.msg == 'lookup is id but all of the following are missing: route_table_id'
                          - no_vpc is not failed and no_vpc is not changed
                          - dns.msg == 'In order to enable DNS Hostnames you must also enable DNS support'
                          - ipv6.msg == 'assign_instances_ipv6 is True but ipv6_cidr is None or an empty string'
                """);
        var run = rolehop.play(dir, Map.of(), play.toString(), "-vvv");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.awsCalls()).containsExactly("ec2 DescribeRouteTables");
    }

    @Test
    void aVpcIdThatDoesNotExistFailsAsAmazonAwsWaiterDoes() throws Exception {
        Path play = playbook("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  tasks:
                    - amazon.aws.ec2_vpc_net: {vpc_id: vpc-0123456789abcdef0, region: us-east-1}
                """);
        var run = rolehop.play(dir, Map.of(), play.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout())
                .contains(
                        "\"msg\": \"VPC failed to reach expected state (available): Waiter vpc_available failed: "
                                + "An error occurred (InvalidVpcID.NotFound): The vpc ID 'vpc-0123456789abcdef0' does not exist\"")
                .doesNotContain("Exception");
    }
}
