package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The timeline's axis: to scale where steps happen, with long idle stretches cut out. */
class TimeAxisTest {

    @Test
    void longIdleStretchBetweenStartUpAndTeardownIsCutOutAndTheRestDrawnToScale() {
        // A one-second start-up, a minute of tests, a teardown of 300 ms.
        TimeAxis axis = TimeAxis.fit(List.of(new long[] {0, 1000}, new long[] {61_000, 61_300}), 100, 900);

        assertThat(axis.segments()).hasSize(2);
        assertThat(axis.breaks()).singleElement().satisfies(cut -> {
            assertThat(cut.width()).isEqualTo(TimeAxis.BREAK_WIDTH);
            assertThat(cut.to() - cut.from()).isGreaterThan(59_000);
        });
        TimeAxis.Segment startUp = axis.segments().get(0);
        TimeAxis.Segment teardown = axis.segments().get(1);
        assertThat(axis.x(0)).isEqualTo(100);
        assertThat(startUp.width() + TimeAxis.BREAK_WIDTH + teardown.width()).isEqualTo(900);
        // The teardown, a third as long, is still wide enough to read.
        assertThat(teardown.width()).isGreaterThanOrEqualTo(90).isLessThan(startUp.width());
        assertThat(axis.x(61_300)).isLessThanOrEqualTo(1000);
        // A moment in the stretch cut out is drawn in the break.
        assertThat(axis.x(30_000)).isBetween(startUp.x() + startUp.width(), teardown.x());
    }

    @Test
    void shortPausesAreKeptToScale() {
        TimeAxis axis = TimeAxis.fit(List.of(new long[] {0, 800}, new long[] {1200, 1500}), 0, 1000);

        assertThat(axis.segments()).hasSize(1);
        assertThat(axis.breaks()).isEmpty();
        double perMilli = (axis.x(1500) - axis.x(0)) / 1500;
        assertThat(axis.x(1200) - axis.x(800)).isCloseTo(400 * perMilli, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void positionsGrowWithTimeAcrossBreaks() {
        TimeAxis axis = TimeAxis.fit(List.of(new long[] {0, 500}, new long[] {20_000, 20_100}, new long[] {90_000, 91_000}), 0, 1000);

        double previous = -1;
        for (long t = 0; t <= 91_000; t += 100) {
            assertThat(axis.x(t)).isGreaterThanOrEqualTo(previous);
            previous = axis.x(t);
        }
        assertThat(axis.breaks()).hasSize(2);
    }

    @Test
    void ticksAreRoundMomentsLabelledWithTheDecimalsTheirStepNeeds() {
        TimeAxis.Segment segment = new TimeAxis.Segment(0, 2000, 0, 900);

        List<Long> ticks = TimeAxis.ticks(segment);

        assertThat(ticks).startsWith(0L, 200L, 400L).allMatch(t -> t % 200 == 0);
        assertThat(ticks).extracting(t -> TimeAxis.label(segment, t)).startsWith("0 s", "0.2 s", "0.4 s");
    }
}
