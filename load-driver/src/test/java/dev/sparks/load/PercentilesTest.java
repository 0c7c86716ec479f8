package dev.sparks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundred() {
        List<Long> values = new ArrayList<>();
        for (long v = 100; v >= 1; v--) {
            values.add(v);
        }
        Percentiles p = Percentiles.of(values);
        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isEqualTo(50);
        assertThat(p.p95()).isEqualTo(95);
        assertThat(p.p99()).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
        assertThat(p.mean()).isEqualTo(50.5);
    }

    @Test
    void aSingleSlowValueIsTheP99OfFewValues() {
        Percentiles p = Percentiles.of(List.of(10L, 10L, 10L, 10L, 5000L));
        assertThat(p.p50()).isEqualTo(10);
        assertThat(p.p99()).isEqualTo(5000);
    }

    @Test
    void noValuesGiveZeros() {
        assertThat(Percentiles.of(List.of()).count()).isZero();
    }

    @Test
    void greenMailReceivedHeaderIsReadToTheSecond() {
        String mime = "Return-Path: <a@sparks.test>\r\nReceived: from 127.0.0.1 (HELO [127.0.0.1]); "
                + "Sun Nov 29 01:50:08 UTC 2026\r\nSubject: hi\r\n\r\nbody";
        assertThat(MailWatch.receivedSecond(mime)).isEqualTo(1795917008L);
    }
}
