package io.github.mpeventloop.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The sequencer hands pieces on in order, each once, and tells how long pieces wait behind a missing one. */
class SequencerTest {

    @Test
    void piecesComeOutInOrderEachOnce() {
        List<String> out = new ArrayList<>();
        Sequencer<String> sequencer = new Sequencer<>(out::add);
        sequencer.accept(2, "c");
        sequencer.accept(0, "a");
        sequencer.accept(0, "a again");
        sequencer.accept(1, "b");
        sequencer.accept(3, "d");
        assertThat(out).containsExactly("a", "b", "c", "d");
        assertThat(sequencer.next()).isEqualTo(4);
    }

    @Test
    void piecesHeldBackBehindAMissingOneAreTimedFromWhenTheyStartedWaiting() {
        Sequencer<String> sequencer = new Sequencer<>(piece -> { });
        assertThat(sequencer.heldBackNanos(System.nanoTime())).isZero();

        long before = System.nanoTime();
        sequencer.accept(1, "b");
        long after = System.nanoTime();
        long later = after + 5_000_000_000L;
        assertThat(sequencer.heldBackNanos(later)).isBetween(later - after, later - before);
        assertThat(sequencer.waiting()).isEqualTo(1);

        sequencer.accept(0, "a");
        assertThat(sequencer.heldBackNanos(later)).isZero();
        assertThat(sequencer.waiting()).isZero();
    }

    @Test
    void theClockIsThatOfThePieceHeldBackLongest() {
        Sequencer<String> sequencer = new Sequencer<>(piece -> { });
        sequencer.accept(1, "b");
        long beforeD = System.nanoTime();
        sequencer.accept(3, "d");
        sequencer.accept(0, "a");
        long later = System.nanoTime() + 5_000_000_000L;
        assertThat(sequencer.next()).isEqualTo(2);
        assertThat(sequencer.waiting()).isEqualTo(1);
        assertThat(sequencer.heldBackNanos(later)).as("piece 3 has waited since it came")
                .isLessThanOrEqualTo(later - beforeD).isGreaterThan(5_000_000_000L - 1);
    }
}
