package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.IExecutorService;

/**
 * Moves the bytes written into one direction of a session to the member at the other end: reads
 * whatever is buffered (so frames written together travel together), sends it as one
 * {@link Chunk} and waits for it to be written there before the next, which keeps the bytes in
 * order. At the end of the local channel it sends the end of the stream.
 */
final class Pump implements Runnable {

    private static final int CHUNK_BYTES = 256 << 10;

    /** How the pump ended: normally (end sent) or with a failure to reach the other end. */
    interface Ending {
        void ended(@org.jspecify.annotations.Nullable Throwable failure);
    }

    private final ReadableByteChannel in;
    private final IExecutorService executor;
    private final Member member;
    private final String sessionId;
    private final Ending ending;

    Pump(ReadableByteChannel in, IExecutorService executor, Member member, String sessionId, Ending ending) {
        this.in = in;
        this.executor = executor;
        this.member = member;
        this.sessionId = sessionId;
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
        Throwable failure = null;
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES);
        try {
            while (true) {
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
                if (n > 0 && !send(Arrays.copyOf(buffer.array(), n), false)) {
                    failure = new IOException("the other end of session " + sessionId + " is gone");
                    return;
                }
            }
            send(new byte[0], true);
        } catch (ExecutionException e) {
            failure = e.getCause() != null ? e.getCause() : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            Tunnels.closeQuietly(in);
            ending.ended(failure);
        }
    }

    private boolean send(byte[] data, boolean end) throws ExecutionException, InterruptedException {
        Boolean ok = executor.submitToMember(new Chunk(sessionId, data, end), member).get();
        return Boolean.TRUE.equals(ok);
    }
}
