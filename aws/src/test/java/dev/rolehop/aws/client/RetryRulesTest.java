package dev.rolehop.aws.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class RetryRulesTest {

    private static AwsServiceException error(String code, int status) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage("m")
                        .build())
                .build();
    }

    @Test
    void throttlingIsRetriedAsThrottling() {
        assertThat(RetryRules.retryable(error("RequestLimitExceeded", 503))).isTrue();
        assertThat(RetryRules.throttling(error("Throttling", 400))).isTrue();
    }

    @Test
    void serverErrorsAndBrokenConnectionsAreRetried() {
        assertThat(RetryRules.retryable(error("InternalError", 500))).isTrue();
        assertThat(RetryRules.retryable(SdkClientException.create("reset", new IOException("reset"))))
                .isTrue();
    }

    @Test
    void authenticationAndAuthorizationErrorsFailAtOnce() {
        assertThat(RetryRules.retryable(error("AuthFailure", 401))).isFalse();
        assertThat(RetryRules.retryable(error("SignatureDoesNotMatch", 403))).isFalse();
        assertThat(RetryRules.retryable(error("UnauthorizedOperation", 403))).isFalse();
    }
}
