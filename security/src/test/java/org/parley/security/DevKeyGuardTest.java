package org.parley.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.LaunchMode;

/** A packaged run (launch mode NORMAL) never starts trusting the committed dev key, however it is configured. */
class DevKeyGuardTest {

    /** The committed dev key pair's public half, the one the guard knows by fingerprint. */
    private static final Path DEV_PUBLIC_KEY = Path.of("../gateway/dev-only-jwt/publicKey.pem");

    private static String devKeyPem() throws Exception {
        return Files.readString(DEV_PUBLIC_KEY);
    }

    private static String otherKeyPem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void theFingerprintIsTheCommittedDevKeys() throws Exception {
        // Rotating gateway/dev-only-jwt without updating DEV_KEY_MODULUS_SHA256 fails here.
        assertTrue(DevKeyGuard.isDevKey(devKeyPem()));
        assertFalse(DevKeyGuard.isDevKey(otherKeyPem()));
    }

    @Test
    void aPackagedRunRefusesTheDevKeyAtItsLocation() {
        String location = DEV_PUBLIC_KEY.toString();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DevKeyGuard.check(LaunchMode.NORMAL, Optional.empty(), Optional.of(location)));
        assertTrue(refused.getMessage().contains("committed dev key"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> DevKeyGuard.check(LaunchMode.NORMAL, Optional.empty(),
                Optional.of(DEV_PUBLIC_KEY.toAbsolutePath().toUri().toString())));
    }

    @Test
    void aPackagedRunRefusesTheDevKeyInline() throws Exception {
        String pem = devKeyPem();
        assertThrows(IllegalStateException.class, () -> DevKeyGuard.check(LaunchMode.NORMAL, Optional.of(pem), Optional.empty()));
        // the bare base64 form SmallRye also accepts
        String bare = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertThrows(IllegalStateException.class, () -> DevKeyGuard.check(LaunchMode.NORMAL, Optional.of(bare), Optional.empty()));
    }

    @Test
    void aPackagedRunRefusesTheDevKeyAsAJwk(@TempDir Path dir) throws Exception {
        String pem = devKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        String n = Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned(key.getModulus()));
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, "{\"keys\":[{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"" + n + "\"}]}");
        assertThrows(IllegalStateException.class,
                () -> DevKeyGuard.check(LaunchMode.NORMAL, Optional.empty(), Optional.of(jwks.toString())));
    }

    @Test
    void aPackagedRunStartsWithAnyOtherKeyOrNone(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("publicKey.pem");
        Files.writeString(other, otherKeyPem());
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.NORMAL, Optional.empty(), Optional.of(other.toString())));
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.NORMAL, Optional.empty(), Optional.empty()));
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.NORMAL, Optional.empty(),
                Optional.of("https://idp.example.org/.well-known/jwks.json")));
    }

    @Test
    void devModeAndTestsMayTrustTheDevKey() {
        String location = DEV_PUBLIC_KEY.toString();
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.DEVELOPMENT, Optional.empty(), Optional.of(location)));
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.TEST, Optional.empty(), Optional.of(location)));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
