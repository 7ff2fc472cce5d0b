package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
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
 * The parent's side of one remote worker: what the loop writes goes to the agent as numbered
 * {@link Chunk}s straight from the writing thread ({@link OutboundPieces}, several in flight), and
 * a {@link Sequencer} hands the agent's {@link UpChunk}s to the loop's reader in order
 * ({@link InboundPieces}). The session's last piece carries the worker process's exit report; when
 * the agent is lost instead, or a piece of the worker's output never arrives, the report says so.
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
    private final OutboundPieces toWorker;
    private final InboundPieces toParent = new InboundPieces();
    private final Sequencer<UpChunk> fromAgent = new Sequencer<>(this::received);
    private final CompletableFuture<ExitReport> exit = new CompletableFuture<>();
    private final Consumer<String> onEnd;
    private volatile long pid = -1;
    private volatile long agentPid = -1;

    /** {@code followUps} sends the pieces that are not sent by the loop's writing thread (see {@link OutboundPieces}). */
    RemoteWorker(int id, Member agent, Link link, Executor followUps, Consumer<String> onEnd) {
        this.id = id;
        this.agent = agent;
        this.link = link;
        this.onEnd = onEnd;
        this.toWorker = new OutboundPieces(this::sendPiece, followUps, failure -> lost(unreachable(failure)));
    }

    String sessionId() {
        return sessionId;
    }

    Member agent() {
        return agent;
    }

    /** The worker runs: what the loop writes goes to it from now on. */
    void started(long workerPid, long agentProcessPid) {
        this.pid = workerPid;
        this.agentPid = agentProcessPid;
    }

    private CompletionStage<Boolean> sendPiece(long seq, byte kind, byte[] data) {
        return link.send(agent, new Chunk(sessionId, seq, kind, data)).thenApply(held -> {
            if (!held) {
                throw new CompletionException(new IOException("the agent no longer holds the session"));
            }
            return held;
        });
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
            toParent.end();
            onEnd.accept(sessionId);
        } else {
            toParent.offer(chunk.data()); // dropped once the loop has closed its end
        }
    }

    String where() {
        return "on Hazelcast member " + agent.getAddress() + " [" + agent.getUuid() + "] (pid " + agentPid + ")";
    }

    /** The agent is gone or unreachable: the channel ends here, as a lost worker. */
    void lost(String reason) {
        end("the agent " + reason);
    }

    /**
     * Gives the worker up when pieces of its output have waited longer than {@code limitNanos}
     * behind one that did not come: the up topic is a plain one, which does not resend a message
     * it dropped, so the missing bytes will never come. The worker is lost, as if it had died: its
     * events are retried or fail as their policy says, and the agent is told to end its process.
     */
    void checkOrder(long nowNanos, long limitNanos) {
        if (fromAgent.heldBackNanos(nowNanos) > limitNanos && !exit.isDone()) {
            link.send(agent, new Chunk(sessionId, -1, Chunk.KILL, new byte[0]));
            end("piece " + fromAgent.next() + " of the worker's output was lost on the way (" + fromAgent.waiting()
                    + " later pieces arrived and it did not within " + TimeUnit.NANOSECONDS.toMillis(limitNanos)
                    + " ms; Hazelcast's topic does not resend a dropped message)");
        }
    }

    private void end(String why) {
        exit.complete(new ExitReport(null, "worker " + id + " (pid " + pid + ") " + where() + ": " + why, List.of()));
        toParent.end();
        Pump.closeQuietly(toWorker);
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
        return toParent;
    }

    @Override
    public WritableByteChannel toWorker() {
        return toWorker;
    }

    @Override
    public void closeChannel() {
        Pump.closeQuietly(toWorker);
        toParent.close();
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
