package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.wire.CertificatePin;
import dev.parley.crypto.wire.Push;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsPinningTest {
    @TempDir
    Path dataDir;

    static ClientManager pinnedClient(String pin) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {CertificatePin.trustManager(pin)}, null);
        return withTls(context);
    }

    private static ClientManager withTls(SSLContext context) {
        SslEngineConfigurator tls = new SslEngineConfigurator(context, true, false, false);
        tls.setHostVerificationEnabled(false);
        ClientManager client = ClientManager.createClient();
        client.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, tls);
        return client;
    }

    @Test
    void aClientPinnedToThePrintedFingerprintConnectsOverWssAndOthersAreRefused() throws Exception {
        RelayConfig config = RelayConfig.defaults().withPort(0).withDataDir(dataDir).withTls(new TlsSettings.SelfSigned());
        String pin;
        try (RelayServer relay = RelayServer.start(config)) {
            assertThat(relay.uri().getScheme()).isEqualTo("wss");
            pin = relay.tlsFingerprint().orElseThrow();
            assertThat(pin).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
            try (TestClient pinned = TestClient.connect(relay.uri(), pinnedClient(pin))) {
                assertThat(pinned.awaitPush(Push.Challenge.class).relayId()).isEqualTo(relay.relayId());
            }
            String wrong = (pin.startsWith("00") ? "11" : "00") + pin.substring(2);
            assertThatThrownBy(() -> TestClient.connect(relay.uri(), pinnedClient(wrong))).isInstanceOf(Exception.class);
            assertThatThrownBy(() -> TestClient.connect(relay.uri(), withTls(SSLContext.getDefault())))
                    .isInstanceOf(Exception.class);
        }
        try (RelayServer restarted = RelayServer.start(config)) {
            assertThat(restarted.tlsFingerprint()).contains(pin);
            try (TestClient pinned = TestClient.connect(restarted.uri(), pinnedClient(pin))) {
                pinned.awaitPush(Push.Challenge.class);
            }
        }
    }
}
