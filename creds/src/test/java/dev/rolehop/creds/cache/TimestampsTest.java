package dev.rolehop.creds.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final Instant T = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void writesPythonIsoformatOfUtc() {
        assertThat(Timestamps.isoformat(Instant.parse("2026-11-24T08:00:00.750Z")))
                .isEqualTo("2026-11-24T08:00:00+00:00");
    }

    @Test
    void readsTheFormsTheAwsCliAndStsUse() {
        assertThat(Timestamps.parse("2026-11-24T08:00:00+00:00")).contains(T);
        assertThat(Timestamps.parse("2026-11-24T08:00:00Z")).contains(T);
        assertThat(Timestamps.parse("2026-11-24T08:00:00UTC")).contains(T);
        assertThat(Timestamps.parse("2026-11-24T09:00:00.000+01:00")).contains(T);
    }

    @Test
    void rejectsSomethingElse() {
        assertThat(Timestamps.parse("tomorrow")).isEmpty();
    }
}
