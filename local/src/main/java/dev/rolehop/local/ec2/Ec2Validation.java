package dev.rolehop.local.ec2;

import dev.rolehop.local.wire.AwsErrorCode;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * EC2's own limits on what a request may store, with EC2's error codes: security group names
 * and descriptions (EC2-VPC character set, 255 characters), rule descriptions, and tags (key 1-128
 * characters, value 0-256, the {@code aws:} prefix reserved, 50 per resource).
 */
final class Ec2Validation {

    /** Tags a resource may carry. */
    static final int MAX_TAGS = 50;

    static final int MAX_TAG_KEY = 128;
    static final int MAX_TAG_VALUE = 256;
    static final int MAX_GROUP_TEXT = 255;

    /** EC2-VPC's characters for group names and descriptions and rule descriptions, as AWS lists them. */
    private static final String CHARSET = "a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*";

    private static final Pattern VPC_TEXT = Pattern.compile("[a-zA-Z0-9. _\\-:/()#,@\\[\\]+=&;{}!$*]*");

    private Ec2Validation() {}

    /** A security group name: ASCII, at most 255 characters, the EC2-VPC set; not "sg-*". */
    static void groupName(String name) {
        groupText(name, "GroupName", "name", "names");
        if (name.toLowerCase(Locale.ROOT).startsWith("sg-")) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Value (" + name + ") for parameter GroupName is invalid. "
                    + "Group names may not be in the format sg-*.");
        }
    }

    /** A security group description: ASCII, at most 255 characters, the EC2-VPC set. */
    static void groupDescription(String description) {
        groupText(description, "GroupDescription", "description", "descriptions");
    }

    private static void groupText(String text, String parameter, String what, String whats) {
        if (!text.chars().allMatch(c -> c < 0x80)) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Value (" + text + ") for parameter " + parameter
                    + " is invalid. Character sets beyond ASCII are not supported.");
        }
        if (text.length() > MAX_GROUP_TEXT) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Value (" + text + ") for parameter " + parameter
                    + " is invalid. Length exceeds " + MAX_GROUP_TEXT + " characters.");
        }
        if (!VPC_TEXT.matcher(text).matches()) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Invalid security group " + what + ". Valid " + whats
                    + " are strings less than 256 characters from the following set:  " + CHARSET);
        }
    }

    /** A security group rule's description (null: none): at most 255 characters of the EC2-VPC set. */
    static void ruleDescription(String description) {
        if (description != null
                && (description.length() > MAX_GROUP_TEXT
                        || !VPC_TEXT.matcher(description).matches())) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Invalid rule description. Valid descriptions are strings less than 256 characters from the "
                            + "following set: " + CHARSET);
        }
    }

    /** A tag key a caller may set or delete: 1-128 characters, not starting with aws: (any case). */
    static void tagKey(String key) {
        if (key.isEmpty()) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Tag key cannot be empty");
        }
        if (key.codePointCount(0, key.length()) > MAX_TAG_KEY) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Tag key exceeds the maximum length of " + MAX_TAG_KEY + " characters");
        }
        if (key.regionMatches(true, 0, "aws:", 0, 4)) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Value ( " + key
                    + " ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use");
        }
    }

    /** A tag value: at most 256 characters (EC2 takes any character, an empty value too). */
    static void tagValue(String value) {
        if (value.codePointCount(0, value.length()) > MAX_TAG_VALUE) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Tag value exceeds the maximum length of " + MAX_TAG_VALUE + " characters");
        }
    }

    /** A resource's tags after a change: at most 50 distinct keys (overwriting a key adds none). */
    static void tagCount(Collection<String> existingKeys, Collection<String> addedKeys) {
        Set<String> all = new HashSet<>(existingKeys);
        all.addAll(addedKeys);
        if (all.size() > MAX_TAGS) {
            throw AwsErrorCode.TAG_LIMIT_EXCEEDED.error();
        }
    }
}
