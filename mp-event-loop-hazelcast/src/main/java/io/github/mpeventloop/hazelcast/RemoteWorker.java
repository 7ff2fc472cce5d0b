package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.nio.channels.Pipe;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetNotMemberException;

import io.github.mpeventloop.spi.ExitReport;
import io.github.mpeventloop.spi.WorkerChannel;

/**
 * The parent's side of one remote worker: a pair of in-memory pipes the loop reads and writes, a
 * {@link Pump} that sends what the loop writes to the agent as {@link Chunk}s (several in flight),
 * and a {@link Sequencer} that writes the agent's {@link UpChunk}s to the loop in order. The
 * session's last piece carries the worker process's exit report; when the agent is lost instead,
 * the report says so.
 */
final class RemoteWorker implements WorkerChannel {

    /** How the worker's pieces reach its agent. */
    interface Link {
        CompletableFuture<Boolean> send(Member agent, Chunk chunk);
    }

    private final int id;
    private final Member agent;
    private final String sessionId = UUID.randomUUID().toString();
    private final Link link;
    private final Pipe toWorker;
    private final Pipe toParent;
    private final Sequencer<UpChunk> fromAgent = new Sequencer<>(this::received);
    private final CompletableFuture<ExitReport> exit = new CompletableFuture<>();
    private final Consumer<String> onEnd;
    private volatile long pid = -1;
    private volatile long agentPid = -1;

    RemoteWorker(int id, Member agent, Link link, Consumer<String> onEnd) throws IOException {
        this.id = id;
        this.agent = agent;
        this.link = link;
        this.onEnd = onEnd;
        this.toWorker = Pipe.open();
        this.toParent = Pipe.open();
    }

    String sessionId() {
        return sessionId;
    }

    Member agent() {
        return agent;
    }

    /** The worker runs: starts sending what the loop writes. */
    void started(long workerPid, long agentProcessPid, String name) {
        this.pid = workerPid;
        this.agentPid = agentProcessPid;
        Pump.start(name + "-relay", new Pump(toWorker.source(),
                (seq, data) -> link.send(agent, new Chunk(sessionId, seq, Chunk.DATA, data)).thenApply(held -> {
                    if (!held) {
                        throw new CompletionException(new IOException("the agent no longer holds the session"));
                    }
                    return held;
                }), (nextSeq, failure) -> {
                    if (failure != null) {
                        lost(unreachable(failure));
                    } else {
                        link.send(agent, new Chunk(sessionId, nextSeq, Chunk.END, new byte[0]));
                    }
                }));
    }

    private static String unreachable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof MemberLeftException || cause instanceof TargetNotMemberException) {
            return "left the cluster (" + cause.getClass().getSimpleName() + ")";
        }
        return "could not be reached (" + cause + ")";
    }

    /** A piece from the agent, in any order. */
    void fromAgent(UpChunk chunk) {
        fromAgent.accept(chunk.seq(), chunk);
    }

    private void received(UpChunk chunk) {
        if (chunk.isEnd()) {
            exit.complete(chunk.report(where()));
            Pump.closeQuietly(toParent.sink());
            onEnd.accept(sessionId);
        } else {
            Pump.writeFully(toParent.sink(), chunk.data()); // dropped once the loop has closed its end
        }
    }

    String where() {
        return "on Hazelcast member " + agent.getAddress() + " [" + agent.getUuid() + "] (pid " + agentPid + ")";
    }

    /** The agent is gone or unreachable: the channel ends here, as a lost worker. */
    void lost(String reason) {
        exit.complete(new ExitReport(null, "worker " + id + " (pid " + pid + ") " + where() + ": the agent " + reason,
                List.of()));
        Pump.closeQuietly(toParent.sink());
        Pump.closeQuietly(toWorker.sink());
        onEnd.accept(sessionId);
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public ReadableByteChannel fromWorker() {
        return toParent.source();
    }

    @Override
    public WritableByteChannel toWorker() {
        return toWorker.sink();
    }

    @Override
    public void closeChannel() {
        Pump.closeQuietly(toWorker.sink());
        Pump.closeQuietly(toParent.source());
    }

    @Override
    public ExitReport awaitExit(Duration grace) {
        closeChannel();
        try {
            return exit.get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            destroy();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        @Nullable ExitReport late = exit.getNow(null);
        if (late != null) {
            return late;
        }
        lost("sent no exit report within " + grace.toMillis() + " ms; the worker was killed");
        return exit.join();
    }

    @Override
    public void destroy() {
        link.send(agent, new Chunk(sessionId, -1, Chunk.KILL, new byte[0]));
        closeChannel();
    }
}
