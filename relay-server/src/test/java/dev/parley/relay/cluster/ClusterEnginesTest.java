package dev.parley.relay.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engines the cluster tests run on: a private PostgreSQL and redis-server, started and stopped per class. */
class ClusterEnginesTest {
    @RegisterExtension
    static final ClusterEngines ENGINES = ClusterEngines.postgresAndRedis();

    @Test
    void postgresAcceptsTheParleyUserOnItsOwnDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(ENGINES.jdbcUrl(), ENGINES.user(), "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database(), current_setting('fsync')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("parley");
            assertThat(rs.getString(2)).as("throw-away: no durability cost").isEqualTo("off");
        }
        assertThat(ENGINES.storeUri()).matches("postgresql://127\\.0\\.0\\.1:\\d+/parley\\?user=parley");
    }

    @Test
    void redisAnswersAndCanBeStoppedAndStartedOnTheSamePort() throws Exception {
        assertThat(ping()).isEqualTo("+PONG");
        ENGINES.stopRedis();
        assertThatThrownBy(ClusterEnginesTest::ping).isInstanceOf(IOException.class);
        ENGINES.startRedis();
        assertThat(ping()).isEqualTo("+PONG");
    }

    /** An inline PING, the one command redis-server answers without a client library. */
    private static String ping() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", ENGINES.redisServer().port()), 1000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[5];
            int read = in.readNBytes(reply, 0, 5);
            return new String(reply, 0, read, StandardCharsets.US_ASCII);
        }
    }
}
