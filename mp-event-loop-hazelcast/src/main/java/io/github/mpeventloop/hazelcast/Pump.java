package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Moves the bytes of one direction of a session into the cluster: reads whatever is buffered (so
 * frames written together travel together), numbers it, and sends it without waiting for the
 * previous piece to arrive, keeping up to {@link #WINDOW} pieces in flight; the receiving
 * {@link Sequencer} puts them back in order. At the end of its input (or at the first failed
 * send) it tells its owner the next sequence number, so that the owner can send the end of the
 * stream after the data.
 */
final class Pump implements Runnable {

    /** Pieces in flight per direction of a session. */
    static final int WINDOW = 8;
    private static final int CHUNK_BYTES = 256 << 10;

    /** Sends one numbered piece; the stage fails if it could not be delivered. */
    interface Sender {
        CompletionStage<?> send(long seq, byte[] data);
    }

    /** How the pump ended: at the end of its input, or at a failed send. */
    interface Ending {
        void ended(long nextSeq, @Nullable Throwable failure);
    }

    private final ReadableByteChannel in;
    private final Sender sender;
    private final Ending ending;
    private final Semaphore window = new Semaphore(WINDOW);
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

    Pump(ReadableByteChannel in, Sender sender, Ending ending) {
        this.in = in;
        this.sender = sender;
        this.ending = ending;
    }

    static Thread start(String name, Pump pump) {
        Thread thread = new Thread(pump, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        long seq = 0;
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES);
        try {
            while (failure.get() == null) {
                buffer.clear();
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    n = -1; // our own end was closed: the stream ends here
                }
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    window.acquire();
                    send(seq++, Arrays.copyOf(buffer.array(), n));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        } finally {
            closeQuietly(in);
            ending.ended(seq, failure.get());
        }
    }

    private void send(long seq, byte[] data) {
        CompletionStage<?> sent;
        try {
            sent = sender.send(seq, data);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            window.release();
            return;
        }
        sent.whenComplete((ignored, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
                closeQuietly(in);
            }
            window.release();
        });
    }

    static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
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
}
