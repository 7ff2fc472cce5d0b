package io.github.mpeventloop.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The loop reads the pieces that arrived as one stream, then the end; a closed channel refuses reads. */
class InboundPiecesTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String read(InboundPieces pieces, int room) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(room);
        int read = pieces.read(buffer);
        return read < 0 ? "<end>" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8);
    }

    @Test
    void piecesAreReadAsOneStreamAndThenTheEnd() throws Exception {
        InboundPieces pieces = new InboundPieces();
        pieces.offer(bytes("abc"));
        pieces.offer(bytes("de"));
        pieces.offer(bytes("fgh"));
        pieces.end();
        pieces.offer(bytes("after the end"));
        assertThat(read(pieces, 4)).isEqualTo("abcd");
        assertThat(read(pieces, 100)).isEqualTo("efgh");
        assertThat(read(pieces, 100)).isEqualTo("<end>");
    }

    @Test
    void aClosedChannelRefusesReadsAndDropsWhatArrives() {
        InboundPieces pieces = new InboundPieces();
        pieces.offer(bytes("abc"));
        pieces.close();
        pieces.offer(bytes("late"));
        assertThat(pieces.isOpen()).isFalse();
        assertThatThrownBy(() -> read(pieces, 10)).isInstanceOf(ClosedChannelException.class);
    }
}
