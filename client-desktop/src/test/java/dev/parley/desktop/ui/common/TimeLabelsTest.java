package dev.parley.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimeLabelsTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    // Wednesday 4 March 2026, 15:30 in Paris
    private final TimeLabels labels = new TimeLabels(Clock.fixed(Instant.parse("2026-03-04T14:30:00Z"), ZONE), Locale.UK);

    @Test
    void listStampIsRelative() {
        assertThat(labels.listStamp(Instant.parse("2026-03-04T08:05:00Z"))).isEqualTo("09:05");
        assertThat(labels.listStamp(Instant.parse("2026-03-03T20:00:00Z"))).isEqualTo("Yesterday");
        assertThat(labels.listStamp(Instant.parse("2026-03-01T12:00:00Z"))).isEqualTo("Sun");
        assertThat(labels.listStamp(Instant.parse("2026-02-01T12:00:00Z"))).isEqualTo("01/02/2026");
    }

    @Test
    void dayDividers() {
        assertThat(labels.dayDivider(LocalDate.of(2026, 3, 4))).isEqualTo("Today");
        assertThat(labels.dayDivider(LocalDate.of(2026, 3, 3))).isEqualTo("Yesterday");
        assertThat(labels.dayDivider(LocalDate.of(2026, 3, 1))).isEqualTo("Sunday");
        assertThat(labels.dayDivider(LocalDate.of(2025, 12, 24))).isEqualTo("24 December 2025");
    }

    @Test
    void timeUsesTheClockZone() {
        assertThat(labels.time(Instant.parse("2026-03-04T23:15:00Z"))).isEqualTo("00:15");
    }
}
