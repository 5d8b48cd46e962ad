package com.tabletalk.testing;

/** The client messages that test and load phones send on the live channel, spelled in one place. */
public final class LiveMessages {

    private LiveMessages() {}

    public static String hello(String token) {
        return "{\"type\":\"hello\",\"token\":\"" + token + "\"}";
    }

    /** A command without fields of its own ({@code next}, {@code reveal}, {@code end}) at the version the phone shows. */
    public static String command(String type, long version) {
        return "{\"type\":\"" + type + "\",\"version\":" + version + "}";
    }
}
