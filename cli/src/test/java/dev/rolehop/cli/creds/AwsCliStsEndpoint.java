package dev.rolehop.cli.creds;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points the AWS CLI 2.9's own STS clients at an endpoint through AWS_DATA_PATH: an STS endpoint
 * rule set whose only rule answers the endpoint. The clients botocore makes for credentials
 * (AssumeRoleWithWebIdentity, AssumeRole) take no {@code --endpoint-url}, and this CLI predates
 * AWS_ENDPOINT_URL; the data path is searched before the CLI's bundled models.
 */
final class AwsCliStsEndpoint {

    private AwsCliStsEndpoint() {}

    /** Writes {@code dir/sts/2011-06-15/endpoint-rule-set-1.json} answering {@code endpoint}; returns dir. */
    static Path write(Path dir, URI endpoint) throws IOException {
        Path file = Files.createDirectories(dir.resolve("sts/2011-06-15")).resolve("endpoint-rule-set-1.json");
        Files.writeString(file, """
                {"version": "1.0",
                 "parameters": {
                  "Region": {"builtIn": "AWS::Region", "required": false, "documentation": "", "type": "String"},
                  "UseDualStack": {"builtIn": "AWS::UseDualStack", "required": true, "default": false,
                                   "documentation": "", "type": "Boolean"},
                  "UseFIPS": {"builtIn": "AWS::UseFIPS", "required": true, "default": false, "documentation": "",
                              "type": "Boolean"},
                  "Endpoint": {"builtIn": "SDK::Endpoint", "required": false, "documentation": "", "type": "String"},
                  "UseGlobalEndpoint": {"builtIn": "AWS::STS::UseGlobalEndpoint", "required": true, "default": false,
                                        "documentation": "", "type": "Boolean"}},
                 "rules": [{"conditions": [], "type": "endpoint",
                            "endpoint": {"url": "%s", "properties": {}, "headers": {}}}]}
                """.formatted(endpoint));
        return dir;
    }
}
