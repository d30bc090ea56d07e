package dev.rolehop.aws.client;

import java.io.IOException;
import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Which failed calls are tried again, and how long to wait: throttling (back-off from 1 s,
 * capped at 20 s) and transient failures — HTTP 5xx, broken connections — (from 100 ms, capped
 * at 20 s), with full jitter, at most {@code maxAttempts} attempts in all. Everything else fails
 * at once, as botocore does: a wrong secret or a denied call is not retried.
 */
final class RetryRules {

    private RetryRules() {}

    static RetryStrategy strategy(int maxAttempts) {
        return StandardRetryStrategy.builder()
                .useClientDefaults(false)
                .maxAttempts(maxAttempts)
                .circuitBreakerEnabled(false)
                .retryOnException(RetryRules::retryable)
                .treatAsThrottling(RetryRules::throttling)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20)))
                .throttlingBackoffStrategy(
                        BackoffStrategy.exponentialDelay(Duration.ofSeconds(1), Duration.ofSeconds(20)))
                .build();
    }

    static boolean throttling(Throwable e) {
        return e instanceof AwsServiceException aws && aws.isThrottlingException();
    }

    static boolean retryable(Throwable e) {
        if (throttling(e)) {
            return true;
        }
        if (e instanceof AwsServiceException aws) {
            return aws.statusCode() >= 500;
        }
        return e instanceof SdkClientException && e.getCause() instanceof IOException;
    }
}
