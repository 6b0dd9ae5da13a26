package dev.parley.relay;

import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The relay's tuning file ({@code --config FILE}, Java properties syntax): every rate limit and the per-account
 * prekey cap, so that an operator or a load test can change them without code. Every key is optional; a missing one
 * keeps its default (docs/operations.md lists them all). Unknown keys and malformed values are refused with a
 * message naming the key.
 *
 * <pre>
 * # one bucket per limit: at most "burst" at once, then "per-second" more each second
 * send-per-connection.burst = 200
 * send-per-connection.per-second = 100
 * max-one-time-prekeys = 200
 * </pre>
 */
public final class RelayConfigFile {
    static final String MAX_ONE_TIME_PREKEYS = "max-one-time-prekeys";
    static final String ATTACHMENT_MAX_BYTES = "attachment-max-bytes";
    static final String ATTACHMENT_QUOTA_BYTES = "attachment-quota-bytes";
    static final String ATTACHMENT_TTL_DAYS = "attachment-ttl-days";
    static final String ATTACHMENT_BULK = "attachment-bulk";

    private RelayConfigFile() {
    }

    /** The key prefix of a rate limit: its enum name in lower case with dashes ({@code send-per-connection}). */
    public static String keyOf(RateLimit limit) {
        return limit.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code base} with the settings of {@code file} applied. */
    public static RelayConfig apply(RelayConfig base, Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return apply(base, properties);
    }

    static RelayConfig apply(RelayConfig base, Properties properties) {
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        RelayConfig config = base;
        for (RateLimit limit : RateLimit.values()) {
            String burstKey = keyOf(limit) + ".burst";
            String rateKey = keyOf(limit) + ".per-second";
            if (!properties.containsKey(burstKey) && !properties.containsKey(rateKey)) {
                continue;
            }
            BucketSpec current = config.limits().spec(limit);
            int burst = properties.containsKey(burstKey) ? integer(properties, burstKey) : current.burst();
            double perSecond = properties.containsKey(rateKey) ? decimal(properties, rateKey) : current.perSecond();
            try {
                config = config.withLimit(limit, new BucketSpec(burst, perSecond));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(keyOf(limit) + ": " + e.getMessage(), e);
            }
            unknown.remove(burstKey);
            unknown.remove(rateKey);
        }
        if (properties.containsKey(MAX_ONE_TIME_PREKEYS)) {
            config = config.withMaxOneTimePreKeys(integer(properties, MAX_ONE_TIME_PREKEYS));
            unknown.remove(MAX_ONE_TIME_PREKEYS);
        }
        config = applyAttachments(config, properties, unknown);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting(s) in the config file: " + String.join(", ", unknown));
        }
        return config;
    }

    private static RelayConfig applyAttachments(RelayConfig config, Properties properties, Set<String> unknown) {
        AttachmentLimits limits = config.options().attachments();
        try {
            if (properties.containsKey(ATTACHMENT_MAX_BYTES)) {
                limits = limits.withMaxBytes(wholeNumber(properties, ATTACHMENT_MAX_BYTES));
            }
            if (properties.containsKey(ATTACHMENT_QUOTA_BYTES)) {
                limits = limits.withQuotaBytes(wholeNumber(properties, ATTACHMENT_QUOTA_BYTES));
            }
            if (properties.containsKey(ATTACHMENT_TTL_DAYS)) {
                limits = limits.withTtl(java.time.Duration.ofDays(integer(properties, ATTACHMENT_TTL_DAYS)));
            }
            if (properties.containsKey(ATTACHMENT_BULK)) {
                String value = properties.getProperty(ATTACHMENT_BULK).strip();
                if (!value.equals("on") && !value.equals("off")) {
                    throw new IllegalArgumentException(ATTACHMENT_BULK + " must be on or off");
                }
                limits = limits.withBulk(value.equals("on"));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("attachment settings: " + e.getMessage(), e);
        }
        unknown.remove(ATTACHMENT_MAX_BYTES);
        unknown.remove(ATTACHMENT_QUOTA_BYTES);
        unknown.remove(ATTACHMENT_TTL_DAYS);
        unknown.remove(ATTACHMENT_BULK);
        return config.withAttachments(limits);
    }

    private static long wholeNumber(Properties properties, String key) {
        String value = properties.getProperty(key).strip();
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 1) {
                throw new IllegalArgumentException(key + " must be at least 1");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of bytes", e);
        }
    }

    private static int integer(Properties properties, String key) {
        String value = properties.getProperty(key).strip();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1) {
                throw new IllegalArgumentException(key + " must be at least 1");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number", e);
        }
    }

    private static double decimal(Properties properties, String key) {
        String value = properties.getProperty(key).strip();
        try {
            double parsed = Double.parseDouble(value);
            if (!(parsed > 0) || Double.isInfinite(parsed)) {
                throw new IllegalArgumentException(key + " must be a positive number");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number (e.g. 0.5)", e);
        }
    }
}
