package dev.parley.desktop.app;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.primitives.RandomSource;
import dev.parley.desktop.net.ExponentialBackoff;
import dev.parley.desktop.net.ReconnectPolicy;
import dev.parley.desktop.net.RelayConnector;
import dev.parley.desktop.net.TyrusRelayConnector;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.service.connection.ConnectionSettings;
import dev.parley.desktop.service.connection.InboundHandler;
import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everything the composition root needs for one profile. Tests replace the clock, randomness, Argon2 cost and
 * timings; production uses {@link #defaults}.
 *
 * @param directories the data directory holding profiles
 * @param profile     which profile
 * @param crypto      the crypto provider
 * @param random      randomness for keys and ids (normally {@code crypto.random()})
 * @param clock       the clock
 * @param argon2      Argon2id cost for new profiles and passphrase changes
 * @param connector   opens relay WebSockets
 * @param reconnect   backoff between reconnect attempts
 * @param connection  heartbeat and wait timings
 * @param preKeyStock one-time prekeys kept on the relay (1 to 200)
 * @param inbound     wraps the handler of incoming relay frames (identity in production; tests inject faults such
 *                    as a crash between storing a message and acknowledging it)
 */
public record AppConfig(AppDirectories directories, ProfileName profile, CryptoProvider crypto, RandomSource random,
                        Clock clock, Argon2Params argon2, RelayConnector connector, ReconnectPolicy reconnect,
                        ConnectionSettings connection, int preKeyStock, UnaryOperator<InboundHandler> inbound) {
    public AppConfig {
        Objects.requireNonNull(directories);
        Objects.requireNonNull(profile);
        Objects.requireNonNull(crypto);
        Objects.requireNonNull(random);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(argon2);
        Objects.requireNonNull(connector);
        Objects.requireNonNull(reconnect);
        Objects.requireNonNull(connection);
        Objects.requireNonNull(inbound);
    }

    /** The preferred provider, the system clock, desktop Argon2 cost, standard timings, 100 prekeys. */
    public static AppConfig defaults(AppDirectories directories, ProfileName profile) {
        CryptoProvider crypto = CryptoProviders.preferred();
        return new AppConfig(directories, profile, crypto, crypto.random(), Clock.systemUTC(), Argon2Params.DESKTOP_DEFAULT,
                TyrusRelayConnector.standard(), ExponentialBackoff.standard(crypto.random()), ConnectionSettings.DEFAULTS, 100,
                UnaryOperator.identity());
    }

    public AppConfig withClock(Clock value) {
        return new AppConfig(directories, profile, crypto, random, value, argon2, connector, reconnect, connection, preKeyStock, inbound);
    }

    public AppConfig withArgon2(Argon2Params value) {
        return new AppConfig(directories, profile, crypto, random, clock, value, connector, reconnect, connection, preKeyStock, inbound);
    }

    public AppConfig withReconnect(ReconnectPolicy value) {
        return new AppConfig(directories, profile, crypto, random, clock, argon2, connector, value, connection, preKeyStock, inbound);
    }

    public AppConfig withConnection(ConnectionSettings value) {
        return new AppConfig(directories, profile, crypto, random, clock, argon2, connector, reconnect, value, preKeyStock, inbound);
    }

    public AppConfig withPreKeyStock(int value) {
        return new AppConfig(directories, profile, crypto, random, clock, argon2, connector, reconnect, connection, value, inbound);
    }

    public AppConfig withInbound(UnaryOperator<InboundHandler> value) {
        return new AppConfig(directories, profile, crypto, random, clock, argon2, connector, reconnect, connection, preKeyStock, value);
    }

    public AppConfig withConnector(RelayConnector value) {
        return new AppConfig(directories, profile, crypto, random, clock, argon2, value, reconnect, connection, preKeyStock, inbound);
    }
}
