package dev.parley.relay.tls;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Enumeration;
import dev.parley.crypto.wire.CertificatePin;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The relay's TLS server context and its certificate's SHA-256 fingerprint (what clients pin). */
public final class TlsMaterial {
    private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);
    static final String KEYSTORE_FILE = "tls.p12";
    static final String PASSWORD_FILE = "tls.p12.password";

    private final SSLContext context;
    private final String fingerprint;

    private TlsMaterial(SSLContext context, String fingerprint) {
        this.context = context;
        this.fingerprint = fingerprint;
    }

    public SSLContext context() {
        return context;
    }

    /** SHA-256 of the certificate's DER encoding as upper-case hex pairs joined by ':'. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Loads the first key entry of a PKCS12 keystore. */
    public static TlsMaterial fromPkcs12(Path keystore, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return fromKeyStore(store, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("the TLS keystore could not be loaded", e);
        }
    }

    /**
     * Loads the self-signed certificate kept in {@code dataDir}, generating it (EC P-256, 10 years) on first use.
     *
     * @param host the configured host, put in the certificate's subject alternative name
     */
    public static TlsMaterial selfSigned(Path dataDir, String host) throws IOException {
        Path keystore = dataDir.resolve(KEYSTORE_FILE);
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        if (!Files.exists(keystore)) {
            generate(keystore, passwordFile, host);
        }
        char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
        return fromPkcs12(keystore, password);
    }

    /** The fingerprint format clients pin ({@link CertificatePin#fingerprint}). */
    public static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        return CertificatePin.fingerprint(certificate);
    }

    private static TlsMaterial fromKeyStore(KeyStore store, char[] password) throws GeneralSecurityException, IOException {
        X509Certificate certificate = null;
        for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
            String alias = aliases.nextElement();
            if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate x509) {
                certificate = x509;
                break;
            }
        }
        if (certificate == null) {
            throw new IOException("the TLS keystore holds no key entry with an X.509 certificate");
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, new SecureRandom());
        return new TlsMaterial(context, fingerprint(certificate));
    }

    private static void generate(Path keystore, Path passwordFile, String host) throws IOException {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=Parley relay");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(looksLikeIp(host) ? GeneralName.iPAddress : GeneralName.dNSName, host),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("relay", pair.getPrivate(), password, new Certificate[] {certificate});
            writeOwnerOnly(passwordFile, new String(password).getBytes(StandardCharsets.US_ASCII));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            store.store(out, password);
            writeOwnerOnly(keystore, out.toByteArray());
            LOG.info("Generated a self-signed TLS certificate in {}", keystore.getParent());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("the self-signed TLS certificate could not be generated", e);
        }
    }

    private static boolean looksLikeIp(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    /** Created 0600 and moved into place whole (never written first and restricted afterwards). */
    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        dev.parley.relay.store.DataDirectory.writePrivately(file, content);
    }
}
