package dev.rolehop.creds.cache;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads and writes the timestamps found in AWS CLI cache files and {@code credential_process}
 * output.
 */
public final class Timestamps {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private Timestamps() {}

    /**
     * Python's {@code datetime.isoformat()} of a UTC time, e.g. {@code 2026-11-24T08:00:00+00:00}:
     * what the AWS CLI v2 writes (its default {@code cli_timestamp_format = iso8601}).
     */
    public static String isoformat(Instant instant) {
        return SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)) + "+00:00";
    }

    /**
     * A UTC time as botocore's SSO code writes it ({@code strftime('%Y-%m-%dT%H:%M:%SZ')}), e.g.
     * {@code 2026-11-24T08:00:00Z}: the SSO token cache's {@code expiresAt} and SSO role
     * credentials' {@code Expiration}.
     */
    public static String utcSeconds(Instant instant) {
        return SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)) + "Z";
    }

    /**
     * Parses ISO 8601 with {@code Z} or an offset, with or without fractional seconds, and the
     * {@code ...UTC} form older botocore wrote ({@code strftime('%Y-%m-%dT%H:%M:%S%Z')}).
     */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.endsWith("UTC")) {
            value = value.substring(0, value.length() - 3) + "Z";
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
