package org.parley.security;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a packaged application (launch mode NORMAL: {@code java -jar}, a container, a native
 * executable — whatever {@code quarkus.profile} it is given) whose token verification key is the dev key
 * pair committed in gateway/dev-only-jwt: anyone can sign tokens with its private half. Dev mode and tests
 * trust that key on purpose; a packaged run must bring its own (bin/parley generates one, a deployment
 * gets its IdP's). The committed key is known here by the SHA-256 of its RSA modulus only, so the jar
 * carries no part of it; DevKeyGuardTest checks the fingerprint against the committed file.
 */
@ApplicationScoped
public class DevKeyGuard {

    /** SHA-256 of the big-endian, unsigned RSA modulus of gateway/dev-only-jwt/publicKey.pem. */
    static final String DEV_KEY_MODULUS_SHA256 = "a628c5239a475522d07f9cd330291630cedbd35c1296404b8331ca3e3b2ee3cf";

    private static final Pattern JWK_MODULUS = Pattern.compile("\"n\"\\s*:\\s*\"([A-Za-z0-9_\\-=]+)\"");
    private static final Pattern PEM_BODY = Pattern.compile("-----BEGIN [A-Z ]+-----([^-]+)-----END [A-Z ]+-----");

    void onStart(@Observes StartupEvent start, Config config) {
        check(LaunchMode.current(), config.getOptionalValue("mp.jwt.verify.publickey", String.class),
                config.getOptionalValue("mp.jwt.verify.publickey.location", String.class));
    }

    /** Throws when a packaged run would trust the committed dev key, inline or at the configured location. */
    static void check(LaunchMode mode, Optional<String> inlineKey, Optional<String> location) {
        if (mode != LaunchMode.NORMAL) {
            return;
        }
        List<String> keys = new ArrayList<>();
        inlineKey.ifPresent(keys::add);
        location.flatMap(DevKeyGuard::read).ifPresent(keys::add);
        for (String key : keys) {
            if (isDevKey(key)) {
                throw new IllegalStateException("Refusing to start: the configured JWT verification key (mp.jwt.verify.publickey"
                        + location.map(l -> ".location=" + l).orElse("") + ") is Parley's committed dev key, whose private half"
                        + " is public. Configure your identity provider's key (MP_JWT_VERIFY_PUBLICKEY or"
                        + " MP_JWT_VERIFY_PUBLICKEY_LOCATION); bin/parley up generates a local one.");
            }
        }
    }

    /** True when the text (PEM, bare base64 DER, or a JWK / JWK set) holds the committed dev key. */
    static boolean isDevKey(String keyText) {
        return moduli(keyText).stream().map(DevKeyGuard::fingerprint).anyMatch(DEV_KEY_MODULUS_SHA256::equals);
    }

    static String fingerprint(BigInteger modulus) {
        byte[] bytes = modulus.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<BigInteger> moduli(String text) {
        List<BigInteger> found = new ArrayList<>();
        Matcher jwk = JWK_MODULUS.matcher(text);
        while (jwk.find()) {
            found.add(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.group(1).replace("=", ""))));
        }
        if (!found.isEmpty()) {
            return found;
        }
        Matcher pem = PEM_BODY.matcher(text);
        List<String> bodies = new ArrayList<>();
        while (pem.find()) {
            bodies.add(pem.group(1));
        }
        if (bodies.isEmpty()) {
            bodies.add(text); // SmallRye also takes the bare base64 of the DER key
        }
        for (String body : bodies) {
            rsaModulus(body.replaceAll("\\s", "")).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<BigInteger> rsaModulus(String base64) {
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return Optional.of(((RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(der))).getModulus());
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException notAnRsaPublicKey) {
            return Optional.empty();
        }
    }

    /** The key text at a location as SmallRye JWT reads it: a file path, file: URI or classpath resource. */
    private static Optional<String> read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                return resource(location.substring("classpath:".length()));
            }
            if (location.startsWith("file:")) {
                return Optional.of(Files.readString(Path.of(URI.create(location)), StandardCharsets.UTF_8));
            }
            if (location.contains("://")) {
                return Optional.empty(); // a JWKS URL (the IdP's): not a committed file
            }
            Path path = Path.of(location);
            return Files.isRegularFile(path) ? Optional.of(Files.readString(path, StandardCharsets.UTF_8))
                    : resource(location);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // SmallRye itself reports a key it cannot load
        }
    }

    private static Optional<String> resource(String name) throws IOException {
        String path = name.startsWith("/") ? name.substring(1) : name;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
