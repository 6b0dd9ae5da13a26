package dev.parley.desktop.cli;

import dev.parley.desktop.net.CertificateMismatchException;
import dev.parley.desktop.net.RelayAddress;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Plain words for why the relay could not be used: what a user can act on, never a Java class name. */
final class RelayFailures {
    private RelayFailures() {
    }

    /** One sentence (two lines more for a certificate mismatch: the served fingerprint and how to accept it). */
    static String describe(RelayAddress relay, Throwable failure) {
        String where = relay.uri().toString();
        var mismatch = ExitCode.cause(failure, CertificateMismatchException.class);
        if (mismatch.isPresent()) {
            String served = mismatch.get().served().toString();
            return "the relay at " + where + " presented a TLS certificate that does not match the pinned fingerprint"
                    + System.lineSeparator() + "  pinned: " + relay.certificate().map(Object::toString).orElse("none")
                    + System.lineSeparator() + "  served: " + served
                    + System.lineSeparator() + "If the relay's operator confirms the served fingerprint, run: "
                    + "parley-cli relay set " + where + " --fingerprint " + served.replace(":", "");
        }
        return "cannot reach the relay at " + where + " (" + reason(failure) + ")";
    }

    private static String reason(Throwable failure) {
        if (ExitCode.cause(failure, ConnectException.class).isPresent()) {
            return "connection refused: is it running?";
        }
        if (ExitCode.cause(failure, UnknownHostException.class).isPresent()) {
            return "unknown host name";
        }
        if (ExitCode.cause(failure, NoRouteToHostException.class).isPresent()) {
            return "no route to the host";
        }
        if (ExitCode.cause(failure, SocketTimeoutException.class).isPresent()
                || ExitCode.cause(failure, TimeoutException.class).isPresent()) {
            return "no answer in time";
        }
        if (ExitCode.cause(failure, SSLException.class).isPresent()) {
            return "the TLS handshake failed";
        }
        return "the connection failed";
    }
}
