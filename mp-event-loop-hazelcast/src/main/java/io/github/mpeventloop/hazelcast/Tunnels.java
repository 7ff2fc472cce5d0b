package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.WritableByteChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ends of tunnels in this JVM, by session id: where the chunks that {@link Chunk} tasks bring
 * are written. Session ids are random UUIDs, so one registry serves every Hazelcast instance of
 * the JVM.
 */
final class Tunnels {

    /** The receiving end of one direction of a session. */
    interface Endpoint {

        /** Writes a chunk in order; false when this end is gone and the sender should stop. */
        boolean write(byte[] data);

        /** The sender reached the end of its stream: no more chunks will come. */
        void peerClosed();
    }

    private static final Map<String, Endpoint> ENDPOINTS = new ConcurrentHashMap<>();

    private Tunnels() {
    }

    static void register(String sessionId, Endpoint endpoint) {
        ENDPOINTS.put(sessionId, endpoint);
    }

    static void unregister(String sessionId) {
        ENDPOINTS.remove(sessionId);
    }

    /** Called by a {@link Chunk} task on the receiving member. */
    static boolean deliver(String sessionId, byte[] data, boolean end) {
        Endpoint endpoint = ENDPOINTS.get(sessionId);
        if (endpoint == null) {
            return false;
        }
        if (end) {
            endpoint.peerClosed();
            return true;
        }
        return endpoint.write(data);
    }

    /** Writes all of {@code data}; false when the channel is closed. */
    static boolean writeFully(WritableByteChannel channel, byte[] data) {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }
}
