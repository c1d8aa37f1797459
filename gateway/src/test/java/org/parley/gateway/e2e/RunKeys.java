package org.parley.gateway.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * A fresh RSA key pair for one end-to-end run, as PEM files: the packaged jars trust its public half (they
 * refuse the committed dev key) and the tests sign their tokens with the private half.
 */
public final class RunKeys {

    public static final String PUBLIC = "publicKey.pem";
    public static final String PRIVATE = "privateKey.pem";

    private RunKeys() {
    }

    /** Writes publicKey.pem (X.509) and privateKey.pem (PKCS#8) into the directory; returns it. */
    public static Path generate(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(PUBLIC), pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(PRIVATE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        return dir;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
