package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/** DescribeImages over a world's AMIs: owners, visibility, filters with wildcards, pages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImagesTest {

    private static final String KEY = "AKIAIMAGESTEST000001";
    private static final String SECRET = "images-test-secret-0001";

    private final LocalFixture f = LocalFixture.ofWorld("""
            accounts:
              - id: "111111111111"
                users:
                  - name: admin
                    access_keys: [{id: %s, secret: %s}]
                    policies:
                      - name: all
                        document: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}
              - id: "333333333333"
            images:
              - id: ami-0a3c3a20c09d6f377
                name: al2023-ami-2023.6.20241121.0-kernel-6.1-x86_64
                owner: amazon
                creation_date: "2024-11-21T19:25:44.000Z"
              - id: ami-0b8d3f2c1e4a59607
                name: al2023-ami-2023.6.20241121.0-kernel-6.1-arm64
                owner: amazon
                architecture: arm64
              - id: ami-0111111111111111a
                name: my-golden-image
                owner: "111111111111"
                tags: {role: golden}
              - id: ami-0333333333333333a
                name: theirs-shared
                owner: "333333333333"
                launch_permissions: ["111111111111"]
              - id: ami-0333333333333333b
                name: theirs-private
                owner: "333333333333"
              - {id: ami-0c00000000000000a, name: al2-a, owner: amazon, state: deregistered}
              - {id: ami-0c00000000000000b, name: al2-b, owner: amazon}
              - {id: ami-0c00000000000000c, name: al2-c, owner: amazon}
              - {id: ami-0c00000000000000d, name: al2-d, owner: amazon}
            """.formatted(KEY, SECRET));
    private final Ec2Client ec2 = f.ec2(LocalFixture.keys(KEY, SECRET));

    @AfterAll
    void stop() {
        ec2.close();
        f.close();
    }

    private List<String> names(DescribeImagesResponse response) {
        return response.images().stream().map(Image::name).sorted().toList();
    }

    @Test
    void everyImageTheCallerMayLaunchIsVisibleAndNoOther() {
        assertThat(names(ec2.describeImages(r -> {})))
                .containsExactly(
                        "al2-a",
                        "al2-b",
                        "al2-c",
                        "al2-d",
                        "al2023-ami-2023.6.20241121.0-kernel-6.1-arm64",
                        "al2023-ami-2023.6.20241121.0-kernel-6.1-x86_64",
                        "my-golden-image",
                        "theirs-shared");
    }

    @Test
    void ownersSelectByAliasSelfOrAccount() {
        assertThat(names(ec2.describeImages(r -> r.owners("amazon")))).hasSize(6);
        assertThat(names(ec2.describeImages(r -> r.owners("self")))).containsExactly("my-golden-image");
        assertThat(names(ec2.describeImages(r -> r.owners("333333333333")))).containsExactly("theirs-shared");
        assertThat(names(ec2.describeImages(r -> r.executableUsers("self"))))
                .containsExactly("my-golden-image", "theirs-shared");
    }

    @Test
    void filtersTakeWildcards() {
        DescribeImagesResponse al2023 = ec2.describeImages(r -> r.owners("amazon")
                .filters(
                        Filter.builder()
                                .name("name")
                                .values("al2023-ami-2023.*-x86_64")
                                .build(),
                        Filter.builder().name("architecture").values("x86_64").build(),
                        Filter.builder().name("state").values("available").build()));
        assertThat(al2023.images()).singleElement().satisfies(i -> {
            assertThat(i.imageId()).isEqualTo("ami-0a3c3a20c09d6f377");
            assertThat(i.ownerId()).isEqualTo("137112412989");
            assertThat(i.imageOwnerAlias()).isEqualTo("amazon");
            assertThat(i.publicLaunchPermissions()).isTrue();
            assertThat(i.creationDate()).isEqualTo("2024-11-21T19:25:44.000Z");
            assertThat(i.rootDeviceName()).isEqualTo("/dev/xvda");
            assertThat(i.blockDeviceMappings().get(0).ebs().volumeSize()).isEqualTo(8);
        });
        assertThat(names(ec2.describeImages(r -> r.filters(
                        Filter.builder().name("tag:role").values("golden").build()))))
                .containsExactly("my-golden-image");
        assertThat(names(ec2.describeImages(r -> r.filters(
                        Filter.builder().name("is-public").values("false").build()))))
                .containsExactly("my-golden-image", "theirs-shared");
    }

    @Test
    void anImageIdTheCallerCannotSeeIsNotFound() {
        AwsServiceException e =
                LocalFixture.awsError(() -> ec2.describeImages(r -> r.imageIds("ami-0333333333333333b")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAMIID.NotFound");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The image id '[ami-0333333333333333b]' does not exist");
    }

    @Test
    void pagesCoverEveryImageOnce() {
        DescribeImagesResponse first = ec2.describeImages(r -> r.maxResults(5));
        assertThat(first.images()).hasSize(5);
        assertThat(first.nextToken()).isNotNull();
        DescribeImagesResponse second = ec2.describeImages(r -> r.maxResults(5).nextToken(first.nextToken()));
        assertThat(second.images()).hasSize(3);
        assertThat(second.nextToken()).isNull();
        assertThat(ec2.describeImagesPaginator(r -> r.maxResults(5)).images().stream()
                        .map(Image::imageId))
                .doesNotHaveDuplicates()
                .hasSize(8);
    }
}
