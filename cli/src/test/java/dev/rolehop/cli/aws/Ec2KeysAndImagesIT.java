package dev.rolehop.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in {@code ec2_key} and {@code ec2_ami_info}, each in a playbook run by the packaged CLI
 * against a real rolehop local; the playbooks assert the results themselves, and the calls listed
 * at -vvv prove the built-in module ran with the fewest calls (a delegated one lists none).
 */
class Ec2KeysAndImagesIT extends PlaybooksOnLocal {

    private static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIo0QQN0SGEG7vPlSet19d6H4lDG8vbNae5adhHZXtaG";

    @Test
    void keyPairsAreCreatedImportedRetaggedAndDeletedWithoutTemporaryImports() throws Exception {
        Path play = playbook("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  module_defaults:
                    group/aws:
                      region: us-east-1
                  tasks:
                    - amazon.aws.ec2_key: {name: e2e, tags: {env: dev}}
                      register: created
                    - ec2_key: {name: e2e, tags: {env: prod}}
                      register: retagged
                    - ec2_key: {name: e2e-imported, key_material: "%1$s one"}
                      register: imported
                    - ec2_key: {name: e2e-imported, key_material: "%1$s other comment"}
                      register: again
                    - ec2_key: {name: e2e, key_material: "%1$s"}
                      check_mode: true
                      register: checked
                    - ec2_key: {name: e2e, state: absent}
                      register: deleted
                    - assert:
                        that:
                          - created is changed
                          - created.key.private_key is match('-----BEGIN RSA PRIVATE KEY-----')
                          - retagged is changed and retagged.key.tags.env == 'prod'
                          - retagged.key.private_key is not defined
                          - imported.key.fingerprint == '3GvbsKdo2FvRuwBMJfMoXe15psOAPoW1ghJr20ySPv8='
                          - again is not changed and again.msg == 'key pair already exists'
                          - checked is changed and checked.key == None
                          - deleted is changed and deleted.msg == 'key deleted'
                """.formatted(ED25519));
        var run = rolehop.play(dir, Map.of(), play.toString(), "-vvv");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.recap())
                .isEqualTo("localhost : ok=7 changed=5 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
        assertThat(run.awsCalls())
                .containsExactly(
                        "ec2 DescribeKeyPairs",
                        "ec2 CreateKeyPair",
                        "ec2 DescribeKeyPairs",
                        "ec2 CreateTags",
                        "ec2 DescribeKeyPairs",
                        "ec2 ImportKeyPair",
                        "ec2 DescribeKeyPairs",
                        "ec2 DescribeKeyPairs",
                        "ec2 DescribeKeyPairs",
                        "ec2 DeleteKeyPair");
    }

    @Test
    void imagesAreListedOldestFirstWithOneCallAndOthersImagesKeepTheirAttributes() throws Exception {
        Path play = playbook("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  module_defaults:
                    group/aws:
                      region: us-east-1
                  tasks:
                    - amazon.aws.ec2_ami_info:
                        owners: [amazon]
                        filters: {architecture: x86_64}
                      register: amazon
                    - ec2_ami_info:
                        image_id: ami-0e2c8caa4b6378d8c
                        describe_image_attributes: true
                      register: ubuntu
                    - assert:
                        that:
                          - amazon.images | map(attribute='image_id') | list == ['ami-0c1f4e7d2a8b36590', 'ami-0a3c3a20c09d6f377']
                          - amazon.images[0].public
                          - amazon.images[0].block_device_mappings[0].ebs.volume_type == 'gp2'
                          - ubuntu.images[0].owner_id == '099720109477'
                          - ubuntu.images[0].launch_permissions is not defined
                """);
        var run = rolehop.play(dir, Map.of(), play.toString(), "-vvv");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.recap())
                .isEqualTo("localhost : ok=3 changed=0 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0");
        assertThat(run.awsCalls())
                .containsExactly("ec2 DescribeImages", "ec2 DescribeImages", "ec2 DescribeImageAttribute");
    }
}
