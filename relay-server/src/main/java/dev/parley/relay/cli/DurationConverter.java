package dev.parley.relay.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Parses {@code 30d}, {@code 12h}, {@code 90m}, {@code 45s} or ISO-8601 ({@code PT1H}). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            switch (v.charAt(v.length() - 1)) {
                case 'd':
                    return Duration.ofDays(amount);
                case 'h':
                    return Duration.ofHours(amount);
                case 'm':
                    return Duration.ofMinutes(amount);
                case 's':
                    return Duration.ofSeconds(amount);
                default:
                    break;
            }
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException("not a duration: '" + value + "' (use 30d, 12h, 90m, 45s or PT1H)");
        }
        throw new CommandLine.TypeConversionException("not a duration: '" + value + "' (use 30d, 12h, 90m, 45s or PT1H)");
    }
}
