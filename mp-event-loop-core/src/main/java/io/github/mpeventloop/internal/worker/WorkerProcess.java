package io.github.mpeventloop.internal.worker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.FutureTask;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.process.ProcessStatus;
import io.github.mpeventloop.internal.process.WorkerProcessContract;
import io.github.mpeventloop.internal.wire.WireCodec;
import io.github.mpeventloop.internal.wire.WireLimits;
import io.github.mpeventloop.internal.wire.WireMapper;
import io.github.mpeventloop.spi.bootstrap.WorkerBeans;
import io.github.mpeventloop.spi.bootstrap.WorkerBootstrap;
import sun.misc.Signal;
import sun.misc.SignalHandler;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a worker JVM does, behind the public {@link io.github.mpeventloop.worker.WorkerMain}: reads
 * one line from standard input ({@code MPEL1 <secret> <socket path>}, the path last so that it may
 * hold spaces), runs the {@link WorkerBootstrap}s on its class path, connects, and serves events
 * until the parent says shutdown. It exits on its own when the parent is gone: at the end of its
 * standard input (immediate, whatever killed the parent) and, as a second watch, when the parent
 * process it started under is no longer alive (checked every second; a zombie counts as dead).
 */
public final class WorkerProcess {

    private WorkerProcess() {
    }

    /**
     * Serves one parent: reads the handshake line, ignores terminal interrupts, connects and runs
     * the worker loop; halts the JVM when done. The wire mapper, the largest single step of a
     * worker's way to its first result (Jackson's classes and their set-up, run by the interpreter),
     * is made on a second thread from the first instant, while this one reads its line, runs the
     * bootstraps, connects and says hello, and the loop answers calls of scalar values without it
     * ({@link WireCodec}); the parent's process and start time, which the second watch of the parent
     * needs, are looked up on that watch's own thread.
     */
    public static void serve() throws IOException {
        JsonFactory factory = WireMapper.factory(WireLimits.DEFAULTS);
        FutureTask<JsonMapper> mapper = new FutureTask<>(() -> WireMapper.create(factory));
        Thread setup = new Thread(mapper, "mp-event-loop-worker-setup");
        setup.setDaemon(true);
        setup.start();
        ignoreTerminalInterrupts();
        InputStream stdin = System.in;
        String[] handshake = readLine(stdin).split(" ", 3);
        if (handshake.length != 3 || !WorkerProcessContract.HANDSHAKE_LINE_PREFIX.equals(handshake[0])) {
            System.err.println("mp-event-loop worker: started without a parent's handshake line; exiting");
            System.exit(2);
        }
        System.setIn(new ByteArrayInputStream(new byte[0]));
        watchParent(stdin);
        WorkerBeans beans = bootstrap();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(handshake[2]));
            serveOnEventThread(new WorkerLoop(channel, channel, WorkerProcess.class.getClassLoader(), beans,
                    WireCodec.pending(factory, mapper)), handshake[1]);
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }

    /**
     * Runs the {@link WorkerBootstrap}s before connecting; when one fails,
     * writes its reason on one line of standard error, which the parent reports as the worker's
     * start failure, and exits.
     */
    private static @Nullable WorkerBeans bootstrap() {
        try {
            return Bootstraps.run(WorkerProcess.class.getClassLoader());
        } catch (Exception | LinkageError e) {
            System.err.println(WorkerProcessContract.START_FAILURE_LINE_PREFIX + Bootstraps.describe(e));
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(WorkerProcessContract.START_FAILURE_EXIT_CODE);
            throw new IllegalStateException("unreachable", e);
        }
    }

    /**
     * Runs the worker loop on the event thread, whose stack is a task's
     * ({@link WorkerLoop#TASK_STACK_BYTES}). What escapes the loop is thrown from here, as if the loop
     * had run on this thread.
     */
    private static void serveOnEventThread(WorkerLoop loop, String secret) throws IOException {
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                loop.run(secret);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "mp-event-loop-worker", WorkerLoop.TASK_STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("worker interrupted");
        }
        if (failure[0] instanceof IOException io) {
            throw io;
        }
        if (failure[0] instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure[0] instanceof Error error) {
            throw error;
        }
    }

    /**
     * Ignores SIGINT. A Ctrl-C in a terminal is sent to the whole foreground process group, the
     * workers included, while ending the workers is their loop's decision (the parent drains and
     * shuts them down). SIGTERM keeps its default action, so a SIGTERM sent to a worker alone
     * still ends it. The JDK offers no supported API to ignore a signal; {@link Signal} from the
     * {@code jdk.unsupported} module is the one the JDK keeps exported for exactly this use.
     */
    private static void ignoreTerminalInterrupts() {
        try {
            Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            // no SIGINT on this platform
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void watchParent(InputStream stdin) {
        Thread eof = new Thread(() -> {
            try {
                while (stdin.read() != -1) {
                    // nothing more is sent on standard input; its end is the signal
                }
            } catch (IOException e) {
                // same as the end
            }
            Runtime.getRuntime().halt(0);
        }, "mp-event-loop-parent-watch");
        eof.setDaemon(true);
        eof.start();

        Thread poll = new Thread(() -> {
            Optional<ProcessHandle> parent = ProcessHandle.current().parent();
            if (parent.isEmpty()) {
                return;
            }
            long parentPid = parent.get().pid();
            Optional<Instant> started = parent.get().info().startInstant();
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                if (!isAlive(parentPid, started)) {
                    Runtime.getRuntime().halt(0);
                }
            }
        }, "mp-event-loop-parent-poll");
        poll.setDaemon(true);
        poll.start();
    }

    private static boolean isAlive(long pid, Optional<Instant> started) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !ProcessStatus.isRunning(pid)) {
            return false;
        }
        return started.isEmpty() || started.equals(handle.get().info().startInstant());
    }
}
