package dev.rolehop.creds.chain;

import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.cache.FileProblems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a web identity (OIDC) token file; the token is a secret and is never shown. */
final class WebIdentityTokens {

    private WebIdentityTokens() {}

    /**
     * The token of {@code identity}'s file, without surrounding blanks.
     *
     * @throws CredentialException when the file cannot be read or is empty, naming the file and the setting
     */
    static String read(CredentialSource.WebIdentity identity) {
        boolean environment = identity.profile().equals("environment");
        String setting = environment
                ? "environment: AWS_WEB_IDENTITY_TOKEN_FILE"
                : "profile '" + identity.profile() + "': web_identity_token_file";
        String token;
        try {
            token = Files.readString(Path.of(identity.tokenFile()), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            throw new CredentialException(
                    setting + " " + identity.tokenFile() + " cannot be read ("
                            + FileProblems.describe(e) + "); check the path (the file your OIDC provider or Kubernetes"
                            + " writes the token to)",
                    e);
        }
        if (token.isEmpty()) {
            throw new CredentialException(setting + " " + identity.tokenFile()
                    + " is empty; it must hold the OIDC token (a JWT) to assume " + identity.roleArn() + " with");
        }
        return token;
    }
}
