package com.tabletalk.session;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Participant tokens: 256 random bits, base64url; only their SHA-256 is ever stored. */
public final class ParticipantTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22,128}");

    private ParticipantTokens() {}

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Compares in constant time, so that timing tells nothing about a stored hash. */
    public static boolean matches(String token, String storedHash) {
        return MessageDigest.isEqual(
                hash(token).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** The token of an {@code Authorization: Bearer …} header; 401 when the header has no token of that shape. */
    public static String fromAuthorization(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw missing();
        }
        String token = header.substring(7).strip();
        if (!SHAPE.matcher(token).matches()) {
            throw missing();
        }
        return token;
    }

    private static ApiException missing() {
        return new ApiException(
                ErrorCode.UNAUTHORIZED, "Send your participant token as 'Authorization: Bearer <token>'.");
    }

    public static boolean looksLikeToken(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }
}
