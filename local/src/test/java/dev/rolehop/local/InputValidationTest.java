package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.local.world.WorldException;
import dev.rolehop.local.world.WorldLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * AWS's own limits on every input, one test per limit, with AWS's error codes; answers that stay
 * valid XML whatever was stored; malformed requests answered 400; a request log that cannot be
 * forged; world files whose errors name file:line:column.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputValidationTest {

    /** The characters EC2-VPC takes in group names and descriptions. */
    private static final String EVERY_ALLOWED_CHARACTER = "azAZ09 ._-:/()#,@[]+=&;{}!$*";

    private final LocalFixture f = new LocalFixture();
    private final Ec2Client ec2 = f.ec2(f.alice());
    private int n;

    @AfterAll
    void stop() {
        ec2.close();
        f.close();
    }

    private static AwsServiceException error(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            return e;
        }
        throw new AssertionError("expected an AWS error");
    }

    private static void assertInvalid(Runnable call, String message) {
        AwsServiceException e = error(call);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    private String group() {
        String name = "g" + n++;
        return ec2.createSecurityGroup(r -> r.groupName(name).description("d")).groupId();
    }

    private static List<Tag> tags(int count) {
        List<Tag> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(Tag.builder().key("k" + i).value("v").build());
        }
        return out;
    }

    private AwsCredentialsIdentity aliceIdentity() {
        return AwsCredentialsIdentity.create(f.aliceKeyId, f.aliceSecret);
    }

    private static Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    // --- security group names and descriptions ---------------------------------------------------

    @Test
    void aGroupNameTakesTheEc2VpcCharacterSetAndNothingElse() {
        ec2.createSecurityGroup(r -> r.groupName(EVERY_ALLOWED_CHARACTER).description("d"));
        String set = "a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*";
        for (String bad : List.of("a<b", "quote'd", "tab\there", "ctl\u0001", "back\\slash", "50%")) {
            assertInvalid(
                    () -> ec2.createSecurityGroup(r -> r.groupName(bad).description("d")),
                    "Invalid security group name. Valid names are strings less than 256 characters from the "
                            + "following set:  " + set);
        }
    }

    @Test
    void aGroupNameBeyondAsciiIsRefused() {
        assertInvalid(
                () -> ec2.createSecurityGroup(r -> r.groupName("café").description("d")),
                "Value (café) for parameter GroupName is invalid. Character sets beyond ASCII are not supported.");
    }

    @Test
    void aGroupNameIsAtMost255Characters() {
        ec2.createSecurityGroup(r -> r.groupName("n".repeat(255)).description("d"));
        String name = "n".repeat(256);
        assertInvalid(
                () -> ec2.createSecurityGroup(r -> r.groupName(name).description("d")),
                "Value (" + name + ") for parameter GroupName is invalid. Length exceeds 255 characters.");
    }

    @Test
    void aGroupDescriptionTakesTheEc2VpcCharacterSetAndNothingElse() {
        ec2.createSecurityGroup(r -> r.groupName("described").description(EVERY_ALLOWED_CHARACTER));
        assertInvalid(
                () -> ec2.createSecurityGroup(r -> r.groupName("x1").description("it's")),
                "Invalid security group description. Valid descriptions are strings less than 256 characters "
                        + "from the following set:  a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*");
        assertInvalid(
                () -> ec2.createSecurityGroup(r -> r.groupName("x2").description("→")),
                "Value (→) for parameter GroupDescription is invalid. Character sets beyond ASCII are not supported.");
    }

    @Test
    void aGroupDescriptionIsAtMost255Characters() {
        ec2.createSecurityGroup(r -> r.groupName("long-description").description("d".repeat(255)));
        String description = "d".repeat(256);
        assertInvalid(
                () -> ec2.createSecurityGroup(r -> r.groupName("x3").description(description)),
                "Value (" + description
                        + ") for parameter GroupDescription is invalid. Length exceeds 255 characters.");
    }

    @Test
    void aRuleDescriptionTakesTheEc2VpcCharacterSetUpTo255Characters() {
        String id = group();
        IpPermission.Builder rule =
                IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22);
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(id)
                .ipPermissions(rule.copy()
                        .ipRanges(x -> x.cidrIp("10.0.0.0/8").description("d".repeat(255)))
                        .build()));
        String message = "Invalid rule description. Valid descriptions are strings less than 256 characters from the "
                + "following set: a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*";
        assertInvalid(
                () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id)
                        .ipPermissions(rule.copy()
                                .ipRanges(x -> x.cidrIp("10.1.0.0/16").description("<script>"))
                                .build())),
                message);
        assertInvalid(
                () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id)
                        .ipPermissions(rule.copy()
                                .ipRanges(x -> x.cidrIp("10.2.0.0/16").description("d".repeat(256)))
                                .build())),
                message);
    }

    // --- tags ---------------------------------------------------------------------------------------

    @Test
    void aTagKeyIsAtMost128Characters() {
        String id = group();
        ec2.createTags(r -> r.resources(id)
                .tags(Tag.builder().key("k".repeat(128)).value("v").build()));
        assertInvalid(
                () -> ec2.createTags(r -> r.resources(id)
                        .tags(Tag.builder().key("k".repeat(129)).value("v").build())),
                "Tag key exceeds the maximum length of 128 characters");
    }

    @Test
    void aTagValueIsAtMost256Characters() {
        String id = group();
        ec2.createTags(r -> r.resources(id)
                .tags(Tag.builder().key("k").value("v".repeat(256)).build()));
        assertInvalid(
                () -> ec2.createTags(r -> r.resources(id)
                        .tags(Tag.builder().key("k").value("v".repeat(257)).build())),
                "Tag value exceeds the maximum length of 256 characters");
    }

    @Test
    void tagKeysStartingWithAwsAreReservedInAnyCase() {
        String id = group();
        for (String key : List.of("aws:cloudformation:stack-name", "AWS:x", "Aws:y")) {
            assertInvalid(
                    () -> ec2.createTags(r -> r.resources(id)
                            .tags(Tag.builder().key(key).value("v").build())),
                    "Value ( " + key + " ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved "
                            + "for internal use");
        }
        assertInvalid(
                () -> ec2.deleteTags(
                        r -> r.resources(id).tags(Tag.builder().key("aws:x").build())),
                "Value ( aws:x ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for "
                        + "internal use");
        ec2.createTags(
                r -> r.resources(id).tags(Tag.builder().key("awsome").value("v").build()));
    }

    @Test
    void aResourceCarriesAtMost50Tags() {
        String id = group();
        ec2.createTags(r -> r.resources(id).tags(tags(50)));
        // Overwriting a key at the limit adds no tag.
        ec2.createTags(
                r -> r.resources(id).tags(Tag.builder().key("k0").value("new").build()));
        AwsServiceException e = error(() -> ec2.createTags(r ->
                r.resources(id).tags(Tag.builder().key("one-more").value("v").build())));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TagLimitExceeded");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The maximum number of Tags for a resource has been reached.");
        assertThat(ec2.describeTags(r -> r.filters(x -> x.name("resource-id").values(id)))
                        .tags())
                .hasSize(50);
    }

    @Test
    void aGroupIsCreatedWithAtMost50Tags() {
        AwsServiceException e = error(() -> ec2.createSecurityGroup(r -> r.groupName("tagged-51")
                .description("d")
                .tagSpecifications(TagSpecification.builder()
                        .resourceType("security-group")
                        .tags(tags(51))
                        .build())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TagLimitExceeded");
        assertThat(ec2.describeSecurityGroups(
                                r -> r.filters(x -> x.name("group-name").values("tagged-51")))
                        .securityGroups())
                .isEmpty();
    }

    // --- the wire -------------------------------------------------------------------------------------

    @Test
    void aMalformedPercentEscapeIsA400InTheServicesEnvelope() {
        for (String form : List.of(
                "Action=DescribeVpcs&Version=2016-11-15&VpcId.1=%zz", "Action=DescribeVpcs&Version=2016-11-15&x=%")) {
            RawAws.Answer a = RawAws.post(f.endpoint(), "ec2", "us-east-1", aliceIdentity(), form);
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body())
                    .matches("<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?><Response><Errors><Error>"
                            + "<Code>InvalidQueryParameter</Code><Message>The AWS query string is malformed or does "
                            + "not adhere to AWS standards.</Message></Error></Errors><RequestID>[0-9a-f-]{36}"
                            + "</RequestID></Response>");
        }
        RawAws.Answer sts = RawAws.post(
                f.endpoint(), "sts", "us-east-1", aliceIdentity(), "Action=GetCallerIdentity&Version=2011-06-15&a=%1");
        assertThat(sts.status()).isEqualTo(400);
        assertThat(sts.body()).contains("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">");
        assertThat(sts.body()).contains("<Type>Sender</Type><Code>InvalidQueryParameter</Code>");
    }

    @Test
    void answersAreValidXmlWhateverATagHolds() throws Exception {
        String id = group();
        // EC2 takes any character in a tag value; XML 1.0 cannot carry some of them.
        String value = "a\u0001b\u001fc\uFFFEd\uFFFFe\r\nf";
        ec2.createTags(
                r -> r.resources(id).tags(Tag.builder().key("odd").value(value).build()));
        RawAws.Answer a = RawAws.post(
                f.endpoint(),
                "ec2",
                "us-east-1",
                aliceIdentity(),
                "Action=DescribeTags&Version=2016-11-15&Filter.1.Name=resource-id&Filter.1.Value.1=" + id);
        assertThat(a.status()).isEqualTo(200);
        Document doc = xml(a.body());
        assertThat(doc.getElementsByTagName("value").item(0).getTextContent())
                .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\r\nf");
        assertThat(ec2.describeTags(r -> r.filters(x -> x.name("resource-id").values(id)))
                        .tags()
                        .get(0)
                        .value())
                .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\r\nf");
    }

    @Test
    void answersAreValidXmlWhateverAStateFileHolds() throws Exception {
        Path state = Files.createTempDirectory("rolehop-state").resolve("state.yml");
        LocalFixture first = new LocalFixture(state);
        try (Ec2Client c = first.ec2(first.alice())) {
            c.createSecurityGroup(r -> r.groupName("stored").description("d"));
        }
        first.close();
        // A group name stored by an older rolehop local, before names were checked.
        Files.writeString(state, Files.readString(state).replace("\"stored\"", "\"bad\\u0001name\\ud800\""));
        LocalFixture second = first.restart(state);
        try {
            RawAws.Answer a = RawAws.post(
                    second.endpoint(),
                    "ec2",
                    "us-east-1",
                    AwsCredentialsIdentity.create(second.aliceKeyId, second.aliceSecret),
                    "Action=DescribeSecurityGroups&Version=2016-11-15");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).contains("<groupName>bad\uFFFDname\uFFFD</groupName>");
            xml(a.body());
        } finally {
            second.close();
        }
    }

    @Test
    void theRequestLogEscapesWhatAClientSent() {
        f.log.clear();
        RawAws.post(
                f.endpoint(),
                "ec2",
                "us-east-1",
                aliceIdentity(),
                "Action=DescribeVpcs%0Aarn:aws:iam::111111111111:user/root%20ec2%20DeleteEverything%20OK%201ms"
                        + "&Version=2016-11-15");
        assertThat(f.log).hasSize(1);
        String line = f.log.get(0);
        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(line.split(" "))
                .hasSize(5)
                .contains("DescribeVpcs\\narn:aws:iam::111111111111:user/root\\x20ec2\\x20DeleteEverything\\x20OK"
                        + "\\x201ms");
    }

    // --- world files ----------------------------------------------------------------------------------

    private static final String WORLD = """
            accounts:
              - id: "111111111111"
                instances:
                  - id: i-0a1b2c3d4e5f60718
                    tags: {Name: web}
            """;

    @Test
    void aWorldFileWithARawControlCharacterFailsWithFileLineAndColumn() {
        assertThatThrownBy(() -> WorldLoader.parse(WORLD.replace("web", "w\u0007eb"), "world.yml"))
                .isInstanceOf(WorldException.class)
                .hasMessage("world.yml:5:23: not valid YAML: the character U+0007 is not allowed in a YAML file;"
                        + " remove it");
    }

    @Test
    void aWorldFileWithAnEscapedControlCharacterFailsWithFileLineAndColumn() {
        assertThatThrownBy(() -> WorldLoader.parse(WORLD.replace("web", "\"w\\x01eb\""), "world.yml"))
                .isInstanceOf(WorldException.class)
                .hasMessage("world.yml:5:22: a value of 'tags' holds the control character U+0001 (at character 2"
                        + " of the value); remove it");
    }

    @Test
    void aWorldFileWithABadValueFailsWithFileLineAndColumnAndTheValueOnOneLine() {
        assertThatThrownBy(() ->
                        WorldLoader.parse(WORLD.replace("tags: {Name: web}", "private_ip: 172.31.300.1"), "world.yml"))
                .isInstanceOf(WorldException.class)
                .hasMessage("world.yml:5:21: 'private_ip' value '172.31.300.1' is not valid: an address in the "
                        + "default VPC's 172.31.0.0/16");
        assertThatThrownBy(() -> WorldLoader.parse(
                        WORLD.replace("tags: {Name: web}", "instance_type: \"t3.micro\\nforged\""), "world.yml"))
                .isInstanceOf(WorldException.class)
                .hasMessage("world.yml:5:24: 'instance_type' value 't3.micro\\nforged' is not valid: an instance type"
                        + " like t3.micro");
        assertThatThrownBy(() ->
                        WorldLoader.parse(WORLD.replace("{Name: web}", "{Name: web, aws:owner: me}"), "world.yml"))
                .isInstanceOf(WorldException.class)
                .hasMessage("world.yml:5:15: tag key 'aws:owner': keys starting with aws: are AWS's own");
    }
}
