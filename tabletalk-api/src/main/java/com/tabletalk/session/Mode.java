package com.tabletalk.session;

import com.tabletalk.common.ApiException;
import java.util.Locale;

/** One phone passed around, or two phones kept in sync. */
public enum Mode {
    SINGLE(1),
    DUAL(2);

    private final int seats;

    Mode(int seats) {
        this.seats = seats;
    }

    public int seats() {
        return seats;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode fromWire(String value) {
        for (Mode mode : values()) {
            if (mode.wire().equals(value)) {
                return mode;
            }
        }
        throw ApiException.invalid("mode must be single or dual.");
    }
}
