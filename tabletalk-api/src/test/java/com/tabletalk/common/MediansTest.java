package com.tabletalk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediansTest {

    @Test
    void noValuesHaveNoMedian() {
        assertThat(Medians.of(List.of())).isNull();
        assertThat(Medians.of(List.of(new Medians.Bucket(3, 0)))).isNull();
    }

    @Test
    void anOddCountTakesTheMiddleValue() {
        assertThat(Medians.of(List.of(new Medians.Bucket(1, 2), new Medians.Bucket(7, 1), new Medians.Bucket(9, 2))))
                .isEqualTo(7.0);
    }

    @Test
    void anEvenCountAveragesTheTwoMiddleValuesEvenAcrossBuckets() {
        assertThat(Medians.of(List.of(new Medians.Bucket(3, 1), new Medians.Bucket(4, 1))))
                .isEqualTo(3.5);
        assertThat(Medians.of(List.of(new Medians.Bucket(2, 3), new Medians.Bucket(10, 1))))
                .isEqualTo(2.0);
        assertThat(Medians.of(List.of(new Medians.Bucket(2, 2), new Medians.Bucket(10, 2))))
                .isEqualTo(6.0);
    }
}
