package dev.parley.relay.cluster;

import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.SharedBuckets;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link SharedBuckets} in Redis: one hash per limit and account, {@code parley:rate:<limit>:<account key>} with the
 * tokens left and when they were counted, refilled and taken by one Lua script (atomic, one round trip). The key
 * expires when the bucket would be full again, so idle accounts cost nothing. Account keys are the store's keyed
 * username hashes: Redis never holds a username.
 */
final class RedisRateBuckets implements SharedBuckets {
    /** ARGV: burst, tokens per second, now (ms), tokens wanted. Returns 0 (taken) or the ms until they would be. */
    static final String TAKE_SCRIPT = String.join("\n",
            "local burst = tonumber(ARGV[1])",
            "local perMilli = tonumber(ARGV[2]) / 1000",
            "local now = tonumber(ARGV[3])",
            "local want = tonumber(ARGV[4])",
            "local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')",
            "local tokens = tonumber(state[1])",
            "local at = tonumber(state[2])",
            "if tokens == nil or at == nil then tokens = burst; at = now end",
            "if now > at then tokens = math.min(burst, tokens + (now - at) * perMilli); at = now end",
            "local wait = 0",
            "if tokens >= want then",
            "  tokens = tokens - want",
            "else",
            "  wait = math.max(1, math.ceil(math.max(math.min(want, burst) - tokens, 1e-9) / perMilli))",
            "end",
            "redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))",
            "redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / perMilli) + 1000)",
            "return wait");

    private final Supplier<StatefulRedisConnection<String, String>> connection;
    private final Function<String, String> accountKey;
    private volatile String digest;

    /**
     * @param connection the bus's command connection while the bus is up, else null
     * @param accountKey how the store keys an account (a keyed hash, hex)
     */
    RedisRateBuckets(Supplier<StatefulRedisConnection<String, String>> connection, Function<String, String> accountKey) {
        this.connection = connection;
        this.accountKey = accountKey;
    }

    @Override
    public long tryTake(RateLimit limit, String account, BucketSpec spec, long tokens, long nowMillis) {
        StatefulRedisConnection<String, String> c = connection.get();
        if (c == null) {
            throw new UnavailableException("the bus is down", null);
        }
        String[] keys = {"parley:rate:" + limit.name().toLowerCase(Locale.ROOT) + ":" + accountKey.apply(account)};
        String[] args = {Integer.toString(spec.burst()), Double.toString(spec.perSecond()), Long.toString(nowMillis),
                Long.toString(tokens)};
        try {
            RedisCommands<String, String> sync = c.sync();
            if (digest == null) {
                digest = sync.digest(TAKE_SCRIPT);
            }
            Long wait;
            try {
                wait = sync.evalsha(digest, ScriptOutputType.INTEGER, keys, args);
            } catch (RedisNoScriptException e) {
                wait = sync.eval(TAKE_SCRIPT, ScriptOutputType.INTEGER, keys, args);
            }
            return wait;
        } catch (RuntimeException e) {
            throw new UnavailableException("the shared rate limit buckets could not be reached", e);
        }
    }
}
