package dev.rolehop.creds.profile;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the shared config and credentials files are: {@code AWS_CONFIG_FILE} and
 * {@code AWS_SHARED_CREDENTIALS_FILE} when set (a leading {@code ~} is the home directory), else
 * {@code ~/.aws/config} and {@code ~/.aws/credentials}.
 *
 * @param config the config file
 * @param credentials the credentials file
 * @param cacheDirectory the AWS CLI's assumed-role cache, {@code ~/.aws/cli/cache}
 */
public record ConfigLocations(Path config, Path credentials, Path cacheDirectory) {

    /** Resolves the locations from the environment and the home directory. */
    public static ConfigLocations resolve(Map<String, String> environment, Path userHome) {
        Path aws = userHome.resolve(".aws");
        return new ConfigLocations(
                fromEnvironment(environment.get("AWS_CONFIG_FILE"), userHome, aws.resolve("config")),
                fromEnvironment(environment.get("AWS_SHARED_CREDENTIALS_FILE"), userHome, aws.resolve("credentials")),
                aws.resolve("cli").resolve("cache"));
    }

    /** The AWS CLI's IAM Identity Center token cache, {@code ~/.aws/sso/cache}, beside {@code ~/.aws/cli}. */
    public Path ssoCacheDirectory() {
        return cacheDirectory.getParent().getParent().resolve("sso").resolve("cache");
    }

    private static Path fromEnvironment(String value, Path userHome, Path fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.equals("~")) {
            return userHome;
        }
        if (value.startsWith("~/")) {
            return userHome.resolve(value.substring(2));
        }
        return Path.of(value);
    }
}
