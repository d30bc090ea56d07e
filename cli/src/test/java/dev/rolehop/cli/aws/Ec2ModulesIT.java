package dev.rolehop.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in EC2 modules of issue 13 (zones, regions, tags, subnets, internet gateways), each in
 * a playbook run by the packaged CLI against a real rolehop local; the playbooks assert the
 * results themselves, and the calls listed at -vvv prove the built-in module ran (a delegated
 * one makes its calls in Python, which lists none).
 */
class Ec2ModulesIT extends PlaybooksOnLocal {

    @Test
    void zonesAndRegionsAreListedWithOneCallEach() throws Exception {
        Path play = playbook("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  module_defaults:
                    group/aws:
                      region: us-east-1
                  tasks:
                    - amazon.aws.aws_az_info:
                        filters: {zone_name: [us-east-1a, us-east-1c]}
                      register: zones
                    - aws_region_info:
                      register: regions
                    - assert:
                        that:
                          - zones.availability_zones | map(attribute='zone_name') | list == ['us-east-1a', 'us-east-1c']
                          - zones.availability_zones[0].zone_id == 'use1-az1'
                          - zones.availability_zones[0].messages == []
                          - regions.regions | length == 1
                          - regions.regions[0].endpoint == 'ec2.us-east-1.amazonaws.com'
                          - regions.regions[0].opt_in_status == 'opt-in-not-required'
                """);
        var run = rolehop.play(dir, Map.of(), play.toString(), "-vvv");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.recap())
                .isEqualTo("localhost : ok=3 changed=0 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
        assertThat(run.awsCalls()).containsExactly("ec2 DescribeAvailabilityZones", "ec2 DescribeRegions");
    }

    @Test
    void tagsAreSetPurgedAndRemovedWithOneDescribeEachAndCheckModeChangesNothing() throws Exception {
        Path play = playbook("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  module_defaults:
                    group/aws:
                      region: us-east-1
                  tasks:
                    - amazon.aws.ec2_security_group:
                        name: e2e-tagged
                        description: tagged
                        tags: {env: dev}
                      register: group
                    - ec2_tag: {resource: "{{ group.group_id }}", tags: {env: prod}}
                      check_mode: true
                      register: checked
                    - ec2_tag: {resource: "{{ group.group_id }}", tags: {owner: ops}, purge_tags: true}
                      register: purged
                    - ec2_tag: {resource: "{{ group.group_id }}", state: absent, tags: {owner: other}}
                      register: kept
                    - amazon.aws.ec2_tag_info: {resource: "{{ group.group_id }}"}
                      register: info
                    - assert:
                        that:
                          - checked is changed
                          - checked.tags.env == 'dev'
                          - checked.added_tags.env == 'prod'
                          - purged.removed_tags.env == 'dev'
                          - purged.tags.owner == 'ops'
                          - kept is not changed
                          - kept.removed_tags | length == 0
                          - info.tags.owner == 'ops'
                          - info.tags | length == 1
                """);
        var run = rolehop.play(dir, Map.of(), play.toString(), "-vvv");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.recap())
                .isEqualTo("localhost : ok=6 changed=3 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
        assertThat(run.awsCalls())
                .containsExactly(
                        "ec2 DescribeSecurityGroups",
                        "ec2 CreateSecurityGroup",
                        "ec2 DescribeTags",
                        "ec2 DescribeTags",
                        "ec2 DeleteTags",
                        "ec2 CreateTags",
                        "ec2 DescribeTags",
                        "ec2 DescribeTags");
    }

    @Test
    void subnetsAndInternetGatewaysOfTheDefaultVpcAreDescribedWithOneCallEach() throws Exception {
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
                    - ec2_vpc_igw_info:
                        convert_tags: false
                      register: igws
                    - ec2_vpc_igw_info:
                        internet_gateway_ids: [igw-0123456789abcdef0]
                      register: missing
                      ignore_errors: true
                    - assert:
                        that:
                          - subnets.subnets | length == 3
                          - subnets.subnets[0].id == subnets.subnets[0].subnet_id
                          - subnets.subnets[0].map_public_ip_on_launch
                          - subnets.subnets[0].tags == {}
                          - igws.internet_gateways | length == 1
                          - igws.internet_gateways[0].tags == []
                          - igws.internet_gateways[0].attachments[0].state == 'available'
                          - missing.msg == 'InternetGateway not found'
                """);
        var run = rolehop.play(dir, Map.of(), play.toString(), "-vvv");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.recap())
                .isEqualTo("localhost : ok=4 changed=0 unreachable=0 failed=0 skipped=0 rescued=0 ignored=1");
        assertThat(run.awsCalls())
                .containsExactly("ec2 DescribeSubnets", "ec2 DescribeInternetGateways", "ec2 DescribeInternetGateways");
    }

    @Test
    void anInternetGatewayIsCreatedTaggedAndAttachedInTwoCallsAndDeletedInThree() throws Exception {
        Path play = playbook("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  module_defaults:
                    group/aws:
                      region: us-east-1
                  tasks:
                    - amazon.aws.ec2_vpc_net_info:
                        filters: {is-default: "true"}
                      register: vpcs
                    - ec2_vpc_igw: {vpc_id: "{{ vpcs.vpcs[0].id }}", state: absent}
                    - ec2_vpc_igw: {vpc_id: "{{ vpcs.vpcs[0].id }}", tags: {Name: e2e}}
                      register: igw
                    - ec2_vpc_igw: {vpc_id: "{{ vpcs.vpcs[0].id }}", tags: {Name: e2e}}
                      register: again
                    - assert:
                        that:
                          - igw is changed
                          - igw.gateway_id is match('igw-')
                          - igw.tags == again.tags
                          - again is not changed
                          - again.vpc_id == vpcs.vpcs[0].id
                """);
        var run = rolehop.play(dir, Map.of(), play.toString(), "-vvv");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.recap())
                .isEqualTo("localhost : ok=5 changed=2 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
        assertThat(run.awsCalls())
                .containsExactly(
                        "ec2 DescribeVpcs",
                        "ec2 DescribeVpcAttribute",
                        "ec2 DescribeVpcAttribute",
                        "ec2 DescribeInternetGateways",
                        "ec2 DetachInternetGateway",
                        "ec2 DeleteInternetGateway",
                        "ec2 DescribeInternetGateways",
                        "ec2 CreateInternetGateway",
                        "ec2 AttachInternetGateway",
                        "ec2 DescribeInternetGateways");
    }
}
