package org.fitsflow.routes.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The configured access token, kept only as its SHA-256 digest. A candidate is compared digest to digest
 * with {@link MessageDigest#isEqual}, which takes the same time wherever the first difference is, so the
 * answer's timing tells nothing about the token, not even its length.
 */
public final class AccessToken {
    private final byte[] digest;

    AccessToken(String token) {
        this.digest = sha256(token);
    }

    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(digest, sha256(candidate));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "AccessToken[(set)]";
    }
}
