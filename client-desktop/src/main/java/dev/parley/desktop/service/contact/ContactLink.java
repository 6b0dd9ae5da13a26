package dev.parley.desktop.service.contact;

import dev.parley.crypto.wire.Usernames;
import dev.parley.desktop.service.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A contact link (issue #14): {@code parley://add/USERNAME?relay=RELAY-URI&fp=FINGERPRINT[&pin=TLS-PIN]}, where
 * FINGERPRINT is the user's 30-digit half of every safety number ({@code SafetyNumber.fingerprintDigits}) and
 * TLS-PIN the relay certificate's SHA-256 for a {@code wss} relay. Values are URL-encoded.
 */
public record ContactLink(String username, URI relay, String fingerprint, Optional<String> pin) {
    public static final String PREFIX = "parley://add/";

    public ContactLink {
        if (!Usernames.isValid(username)) {
            throw new IllegalArgumentException("not a valid username");
        }
        if (fingerprint == null || !fingerprint.matches("[0-9]{30}")) {
            throw new IllegalArgumentException("the fingerprint must be 30 digits");
        }
    }

    /** Whether {@code text} looks like a link rather than a username. */
    public static boolean isLink(String text) {
        return text != null && text.startsWith("parley:");
    }

    public static ContactLink parse(String text) throws InvalidInputException {
        try {
            URI uri = new URI(text);
            if (!"parley".equals(uri.getScheme()) || !"add".equals(uri.getHost()) || uri.getPath() == null
                    || uri.getPath().length() < 2 || uri.getRawQuery() == null) {
                throw new InvalidInputException("not a contact link: expected " + PREFIX + "USERNAME?relay=...&fp=...");
            }
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 1 || query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)) != null) {
                    throw new InvalidInputException("the contact link's parameters are malformed");
                }
            }
            if (!query.containsKey("relay") || !query.containsKey("fp")) {
                throw new InvalidInputException("the contact link lacks its relay or fingerprint");
            }
            return new ContactLink(uri.getPath().substring(1), new URI(query.get("relay")), query.get("fp"),
                    Optional.ofNullable(query.get("pin")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new InvalidInputException("not a valid contact link: " + (e instanceof IllegalArgumentException
                    ? e.getMessage() : "malformed"));
        }
    }

    /** The link as text. */
    public String format() {
        StringBuilder out = new StringBuilder(PREFIX).append(username).append("?relay=")
                .append(URLEncoder.encode(relay.toString(), StandardCharsets.UTF_8)).append("&fp=").append(fingerprint);
        pin.ifPresent(p -> out.append("&pin=").append(URLEncoder.encode(p, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
