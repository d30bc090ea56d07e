package dev.rolehop.aws.ec2;

import dev.rolehop.aws.AwsModule;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.aws.client.Boto3Shapes;
import dev.rolehop.aws.client.SnakeCase;
import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.DescribeImageAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ImageAttributeName;

/**
 * {@code ec2_ami_info}: the images matching {@code image_ids}, {@code owners},
 * {@code executable_users} and {@code filters} (one DescribeImages, not paged, as amazon.aws 5.5
 * asks), oldest first, each with its tags as a dict and, with {@code describe_image_attributes},
 * its {@code launch_permissions} when the caller owns it (EC2 answers {@code AuthFailure} otherwise,
 * and the image is returned without them).
 */
public final class ImageInfoModule extends AwsModule {

    public ImageInfoModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_ami_info",
                Set.of("ec2_ami_info"),
                clients,
                ArgumentSpec.of(
                        Argument.of("image_ids", ArgumentType.LIST)
                                .withElements(ArgumentType.STR)
                                .withDefault(List.of())
                                .withAliases("image_id"),
                        Argument.of("filters", ArgumentType.DICT).withDefault(Map.of()),
                        Argument.of("owners", ArgumentType.LIST)
                                .withElements(ArgumentType.STR)
                                .withDefault(List.of())
                                .withAliases("owner"),
                        Argument.of("executable_users", ArgumentType.LIST)
                                .withElements(ArgumentType.STR)
                                .withDefault(List.of())
                                .withAliases("executable_user"),
                        Argument.of("describe_image_attributes", ArgumentType.BOOL)
                                .withDefault(false)));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        Map<String, Object> filters = new LinkedHashMap<>(args.dict("filters"));
        List<String> owners = new ArrayList<>();
        // Owner ids and aliases become filters, as amazon.aws turns them; only "self" stays an owner.
        for (Object item : args.list("owners")) {
            String owner = String.valueOf(item);
            if (owner.equals("self")) {
                owners.add(owner);
            } else {
                String filter = isDigits(owner) ? "owner-id" : "owner-alias";
                List<Object> values = new ArrayList<>(asList(filters.get(filter)));
                values.add(owner);
                filters.put(filter, values);
            }
        }
        var request = DescribeImagesRequest.builder()
                .imageIds(strings(args.list("image_ids")))
                .filters(Filters.of(filters))
                .owners(owners)
                .executableUsers(strings(args.list("executable_users")))
                .overrideConfiguration(aws.tag())
                .build();
        List<Image> found = aws.call(
                "ec2",
                "DescribeImages",
                "error describing images",
                () -> aws.ec2().describeImages(request).images());
        boolean attributes = args.bool("describe_image_attributes");
        List<Map<String, Object>> images = new ArrayList<>();
        for (Image image : found) {
            Map<String, Object> snake = new LinkedHashMap<>(SnakeCase.dict(boto3(image)));
            snake.put("tags", SecurityGroupResult.tags(image.tags()));
            if (attributes) {
                List<Map<String, Object>> permissions = launchPermissions(aws, image.imageId());
                if (permissions != null) {
                    snake.put("launch_permissions", permissions);
                }
            }
            images.add(snake);
        }
        images.sort(Comparator.comparing(i -> String.valueOf(i.getOrDefault("creation_date", ""))));
        return ModuleResult.ok(Map.of("images", images));
    }

    /** The boto3 dict of an image: the SDK calls boto3's {@code Public} member {@code PublicLaunchPermissions}. */
    private static Map<String, Object> boto3(Image image) {
        Map<String, Object> camel = new LinkedHashMap<>();
        Boto3Shapes.of(image)
                .forEach((key, value) -> camel.put(key.equals("PublicLaunchPermissions") ? "Public" : key, value));
        return camel;
    }

    /** The image's launch permissions, or {@code null} when EC2 answers {@code AuthFailure} (not the owner). */
    private static List<Map<String, Object>> launchPermissions(AwsSession aws, String imageId) {
        var request = DescribeImageAttributeRequest.builder()
                .imageId(imageId)
                .attribute(ImageAttributeName.LAUNCH_PERMISSION)
                .overrideConfiguration(aws.tag())
                .build();
        return aws.call("ec2", "DescribeImageAttribute", "Failed to describe AMI", () -> {
            try {
                return aws.ec2().describeImageAttribute(request).launchPermissions().stream()
                        .map(permission -> Boto3Shapes.snake(permission))
                        .toList();
            } catch (AwsServiceException e) {
                if (e.awsErrorDetails() != null
                        && "AuthFailure".equals(e.awsErrorDetails().errorCode())) {
                    return null;
                }
                throw e;
            }
        });
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    private static List<?> asList(Object value) {
        return value == null ? List.of() : value instanceof List<?> list ? list : List.of(value);
    }

    private static List<String> strings(List<Object> values) {
        return values.stream().map(String::valueOf).toList();
    }
}
