package org.parley.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What "the same request" means for a reused key: the method, the path and the body as the service
 * read it (re-serialised, so whitespace, property order and ignored unknown properties do not make
 * an honest retry look different), hashed so the stored record stays small.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(String method, String path, byte[] canonicalBody) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
            sha.update(canonicalBody);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
