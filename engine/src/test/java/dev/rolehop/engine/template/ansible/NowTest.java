package dev.rolehop.engine.template.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import dev.rolehop.engine.template.jinja.AnsibleEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NowTest {
    /** Sunday 2026-01-04 15:04:05.297891 UTC, 16:04:05 in Paris. */
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-01-04T15:04:05.297891Z"), ZoneId.of("Europe/Paris"));

    private static String render(String template) {
        Jinjava jinjava = AnsibleEnvironment.create(Map.of(), CLOCK);
        RenderResult result = jinjava.renderForResult(template, Map.of());
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new IllegalStateException(error.getMessage(), error.getException());
            }
        }
        return result.getOutput();
    }

    @Test
    void nowPrintsAsPythonsDatetimeInLocalTime() {
        assertThat(render("{{ now() }}")).isEqualTo("2026-01-04 16:04:05.297891");
    }

    @Test
    void nowCanBeUtc() {
        assertThat(render("{{ now(utc=true) }}")).isEqualTo("2026-01-04 15:04:05.297891");
    }

    @Test
    void nowFormatsWithStrftime() {
        assertThat(render("{{ now(utc=true, fmt='%Y-%m-%d %a %A %b %B %j %p %I %U %W %w %e %-d %% %f %y %-m') }}"))
                .isEqualTo("2026-01-04 Sun Sunday Jan January 004 PM 03 01 00 0  4 4 % 297891 26 1");
    }

    @Test
    void strftimeWritesTheCLocaleForms() {
        assertThat(render("{{ now(utc=true).strftime('%c|%x|%X') }}"))
                .isEqualTo("Sun Jan  4 15:04:05 2026|01/04/26|15:04:05");
    }

    @Test
    void strftimePercentSIsTheEpoch() {
        assertThat(render("{{ now().strftime('%s') }}")).isEqualTo("1767539045");
    }

    @Test
    void nowHasDatetimeAttributes() {
        assertThat(render("{{ now(utc=true).year }}-{{ now(utc=true).hour }}")).isEqualTo("2026-15");
    }

    @Test
    void isoformatUsesAT() {
        assertThat(render("{{ now(utc=true).isoformat() }}")).isEqualTo("2026-01-04T15:04:05.297891");
    }

    @Test
    void aDatetimeInAListPrintsItsRepr() {
        assertThat(render("{{ [now(utc=true)] }}")).isEqualTo("[datetime.datetime(2026, 1, 4, 15, 4, 5, 297891)]");
    }

    @Test
    void toJsonWritesTheIsoForm() {
        assertThat(render("{{ now(utc=true) | to_json }}")).isEqualTo("\"2026-01-04T15:04:05.297891\"");
    }

    @Test
    void typeDebugSaysDatetime() {
        assertThat(render("{{ now() | type_debug }}")).isEqualTo("datetime");
    }

    @Test
    void strftimeFilterFormatsNowInLocalTime() {
        assertThat(render("{{ '%Y-%m-%d %H:%M:%S' | strftime }}")).isEqualTo("2026-01-04 16:04:05");
    }

    @Test
    void strftimeFilterFormatsGivenEpochSecondsInUtc() {
        assertThat(render("{{ '%Y-%m-%d %H:%M:%S' | strftime(0, utc=true) }}")).isEqualTo("1970-01-01 00:00:00");
    }

    @Test
    void strftimeFilterLeavesPercentFAsTimeStrftimeDoes() {
        assertThat(render("{{ '%f|%s' | strftime(1767539045, utc=true) }}")).isEqualTo("%f|1767539045");
    }

    @Test
    void strftimeFilterRejectsANonNumericSecond() {
        assertThatThrownBy(() -> render("{{ '%Y' | strftime('x') }}"))
                .rootCause()
                .hasMessage("Invalid value for epoch value (x)");
    }
}
