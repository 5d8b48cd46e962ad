package com.tabletalk.common;

import java.util.List;

/** The median of values given as (value, how many) pairs, the middle two averaged when the count is even. */
public final class Medians {

    public record Bucket(int value, long count) {}

    private Medians() {}

    /** Null when there are no values; buckets in ascending order of value. */
    public static Double of(List<Bucket> buckets) {
        long total = buckets.stream().mapToLong(Bucket::count).sum();
        if (total == 0) {
            return null;
        }
        long lower = (total - 1) / 2;
        long upper = total / 2;
        Integer lowerValue = null;
        long seen = 0;
        for (Bucket bucket : buckets) {
            seen += bucket.count();
            if (lowerValue == null && seen > lower) {
                lowerValue = bucket.value();
            }
            if (seen > upper) {
                return (lowerValue + bucket.value()) / 2.0;
            }
        }
        throw new IllegalStateException("unreachable: the upper middle lies within the total");
    }
}
