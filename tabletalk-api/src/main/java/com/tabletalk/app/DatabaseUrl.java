package com.tabletalk.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A PostgreSQL address as ops give it in {@code DATABASE_URL}: either the URI form that DigitalOcean injects
 * ({@code postgresql://user:password@host:25060/db?sslmode=require}), which pgjdbc does not accept, or a plain
 * {@code jdbc:postgresql://} URL. Credentials are split off so that they never travel inside the JDBC URL.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

    public static final String VARIABLE = "DATABASE_URL";

    public static DatabaseUrl parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidDatabaseUrlException(
                    VARIABLE + " is empty; expected postgresql://user:password@host:port/database");
        }
        String value = raw.strip();
        if (value.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(value, Optional.empty(), Optional.empty());
        }
        if (!value.startsWith("postgresql://") && !value.startsWith("postgres://")) {
            throw new InvalidDatabaseUrlException(
                    VARIABLE + " must start with postgresql://, postgres:// or jdbc:postgresql://");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidDatabaseUrlException(
                    VARIABLE + " is not a valid URL; expected postgresql://user:password@host:port/database");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new InvalidDatabaseUrlException(
                    VARIABLE + " has no host; expected postgresql://user:password@host:port/database");
        }
        String path = uri.getRawPath();
        if (path == null || path.length() <= 1) {
            throw new InvalidDatabaseUrlException(
                    VARIABLE + " names no database; expected postgresql://user:password@host:port/database");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://");
        jdbc.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
        if (uri.getPort() != -1) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(path);
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
            user = Optional.of(decode(rawUser)).filter(u -> !u.isEmpty());
            if (colon >= 0) {
                password = Optional.of(decode(userInfo.substring(colon + 1)));
            }
        }
        return new DatabaseUrl(jdbc.toString(), user, password);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Where the database is, for messages: host, port and database, never credentials. */
    public String describe() {
        String withoutPrefix = jdbcUrl.substring("jdbc:postgresql:".length());
        int query = withoutPrefix.indexOf('?');
        return query < 0 ? withoutPrefix : withoutPrefix.substring(0, query);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + describe() + "]";
    }

    /** A {@code DATABASE_URL} that cannot be used; the message never contains the value itself. */
    public static final class InvalidDatabaseUrlException extends IllegalArgumentException {
        public InvalidDatabaseUrlException(String message) {
            super(message);
        }
    }
}
