package com.tabletalk.common;

import java.util.regex.Pattern;

/** The name of a table in its QR code and its sessions: 1 to 64 letters, digits, '-' or '_'. */
public record TableToken(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public TableToken {
        if (value == null || !FORM.matcher(value).matches()) {
            throw ApiException.invalid("tableToken must be 1 to 64 letters, digits, '-' or '_'.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
