package dev.parley.desktop.cli;

import dev.parley.desktop.net.CertificateMismatchException;
import dev.parley.desktop.service.CannotAddSelfException;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ProfileInUseException;
import dev.parley.desktop.service.ProfileLockedException;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.service.UnknownUserException;
import dev.parley.desktop.service.WrongPassphraseException;
import java.util.Optional;

/** The exit codes scripts can rely on; also listed in {@code --help} and the README. */
public enum ExitCode {
    OK(0), USAGE(1), PASSPHRASE(2), UNKNOWN_CONTACT(3), RELAY_UNREACHABLE(4), OTHER(5), PROFILE_IN_USE(6),
    CERTIFICATE_MISMATCH(7);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The exit code for a service failure. */
    public static ExitCode of(ServiceException e) {
        if (e instanceof ProfileInUseException
                || cause(e, dev.parley.desktop.profile.ProfileInUseException.class).isPresent()) {
            return PROFILE_IN_USE;
        }
        if (cause(e, CertificateMismatchException.class).isPresent()) {
            return CERTIFICATE_MISMATCH;
        }
        if (e instanceof WrongPassphraseException || e instanceof ProfileLockedException) {
            return PASSPHRASE;
        }
        if (e instanceof UnknownContactException || e instanceof UnknownUserException) {
            return UNKNOWN_CONTACT;
        }
        if (e instanceof RelayUnreachableException) {
            return RELAY_UNREACHABLE;
        }
        if (e instanceof InvalidInputException || e instanceof CannotAddSelfException) {
            return USAGE;
        }
        return OTHER;
    }

    /** The first throwable of {@code type} in the cause chain of {@code e} (including {@code e}). */
    static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    static final String HELP = "%nExit codes:%n"
            + "  0  success%n"
            + "  1  usage error (unknown command, bad option or argument, empty or too long message, own username as contact)%n"
            + "  2  wrong passphrase, no passphrase given, or no profile%n"
            + "  3  unknown contact or unknown user (every command that names a contact)%n"
            + "  4  relay unreachable (connection refused, no answer, DNS failure)%n"
            + "  5  any other error (a short reason is printed on stderr)%n"
            + "  6  profile in use: another parley-cli or the desktop app has it open%n"
            + "  7  the relay's TLS certificate does not match the pinned fingerprint (see 'relay set')%n";
}
