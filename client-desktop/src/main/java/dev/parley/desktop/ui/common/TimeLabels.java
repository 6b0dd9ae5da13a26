package dev.parley.desktop.ui.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/** Human time labels for lists and chats, relative to an injected clock. Pure; no toolkit. */
public final class TimeLabels {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Clock clock;
    private final Locale locale;
    /** Made once: a list row asks for its stamp on every update (scrolling, each filter keystroke). */
    private final DateTimeFormatter shortDate;

    public TimeLabels(Clock clock, Locale locale) {
        this.clock = Objects.requireNonNull(clock);
        this.locale = Objects.requireNonNull(locale);
        this.shortDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** "14:05" */
    public String time(Instant at) {
        return TIME.format(at.atZone(clock.getZone()));
    }

    /** For the conversation list: the time today, "Yesterday", the weekday within a week, else a short date. */
    public String listStamp(Instant at) {
        LocalDate day = at.atZone(clock.getZone()).toLocalDate();
        LocalDate today = LocalDate.now(clock);
        long days = ChronoUnit.DAYS.between(day, today);
        if (days <= 0) {
            return time(at);
        }
        if (days == 1) {
            return "Yesterday";
        }
        if (days < 7) {
            return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale);
        }
        return shortDate.format(day);
    }

    /** For date dividers in a chat: "Today", "Yesterday", "Monday", or "12 March 2026". */
    public String dayDivider(LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        long days = ChronoUnit.DAYS.between(day, today);
        if (days == 0) {
            return "Today";
        }
        if (days == 1) {
            return "Yesterday";
        }
        if (days > 1 && days < 7) {
            return day.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
    }
}
