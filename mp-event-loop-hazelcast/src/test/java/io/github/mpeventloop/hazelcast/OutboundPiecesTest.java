package io.github.mpeventloop.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The parent's outgoing pieces: sent from the writing thread while the window has room, and
 * everything written while it is full travels as one piece when a place frees. The sender is a
 * fake that completes pieces when the test says.
 */
class OutboundPiecesTest {

    private record Sent(long seq, byte kind, String data, CompletableFuture<Boolean> done) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final OutboundPieces pieces = new OutboundPieces((seq, kind, data) -> {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        synchronized (sent) {
            sent.add(new Sent(seq, kind, new String(data, StandardCharsets.UTF_8), done));
        }
        return done;
    }, Runnable::run, failure -> failures.incrementAndGet());

    private void write(String text) throws IOException {
        pieces.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesWhileTheWindowIsFullTravelAsOnePieceWhenAPlaceFrees() throws IOException {
        for (int i = 0; i < OutboundPieces.WINDOW; i++) {
            write("p" + i);
        }
        assertThat(sent).hasSize(OutboundPieces.WINDOW);
        write("x");
        write("y");
        write("z");
        assertThat(sent).as("the window is full").hasSize(OutboundPieces.WINDOW);

        sent.get(3).done().complete(true);
        assertThat(sent).hasSize(OutboundPieces.WINDOW + 1);
        Sent coalesced = sent.get(OutboundPieces.WINDOW);
        assertThat(coalesced.data()).isEqualTo("xyz");
        assertThat(coalesced.seq()).isEqualTo(OutboundPieces.WINDOW);
        assertThat(sent).extracting(Sent::seq).doesNotHaveDuplicates();
    }

    @Test
    void closingSendsWhatWaitsAndThenTheEnd() throws IOException {
        for (int i = 0; i < OutboundPieces.WINDOW; i++) {
            write("p" + i);
        }
        write("last");
        pieces.close();
        assertThat(sent).hasSize(OutboundPieces.WINDOW + 2);
        assertThat(sent.get(OutboundPieces.WINDOW)).extracting(Sent::data, Sent::kind).containsExactly("last", Chunk.DATA);
        assertThat(sent.get(OutboundPieces.WINDOW + 1)).extracting(Sent::seq, Sent::kind)
                .containsExactly((long) OutboundPieces.WINDOW + 1, Chunk.END);
        assertThatThrownBy(() -> write("late")).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void aFailedPieceIsReportedOnceAndLaterWritesFail() throws IOException {
        write("a");
        write("b");
        sent.get(0).done().completeExceptionally(new IOException("member left"));
        sent.get(1).done().completeExceptionally(new IOException("member left"));
        assertThat(failures).hasValue(1);
        assertThatThrownBy(() -> write("c")).isInstanceOf(IOException.class)
                .hasMessageContaining("could not be reached").hasMessageContaining("member left");
        pieces.close();
        assertThat(sent).as("no end of stream after a failure").hasSize(2);
    }
}
