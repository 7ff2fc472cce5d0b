package io.github.mpeventloop.internal.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.WorkerStartException;
import io.github.mpeventloop.internal.process.WorkerProcessContract;
import io.github.mpeventloop.spi.ExitReport;
import io.github.mpeventloop.spi.LaunchSettings;
import io.github.mpeventloop.spi.WorkerChannel;
import io.github.mpeventloop.spi.WorkerLauncher;

/**
 * Starts each worker as a child JVM: the parent's {@code java} and class path (in the
 * {@code CLASSPATH} environment variable, out of {@code ps}), {@code -XX:+ExitOnOutOfMemoryError},
 * the configured options, and the worker main. When the class path is a Spring Boot executable jar
 * (the parent runs as {@code java -jar app.jar}), the worker runs on the same jar, by its absolute
 * path, through Boot's {@code PropertiesLauncher} with {@code -Dloader.main=<worker main>}; see
 * {@link ExecutableJar}. The data channel is a Unix-domain socket in a
 * {@code 0700} directory; the socket's path and a one-time secret reach the worker on its standard
 * input, which then stays open: its end tells the worker that the parent is gone.
 */
public final class ProcessWorkerLauncher implements WorkerLauncher {

    private static final long ACCEPT_POLL_MILLIS = 100;

    private final LaunchSettings settings;
    private final @Nullable Path executableJar;
    private final ClassDataArchive archive;
    private @Nullable RuntimeDirectory directory;

    public ProcessWorkerLauncher(LaunchSettings settings) {
        this.settings = settings;
        this.executableJar = ExecutableJar.detect(settings.classPath()).orElse(null);
        this.archive = ClassDataArchive.forWorkers(settings.javaExecutable(), settings.jvmOptions(),
                settings.classPath(), settings.classDataSharing() && executableJar == null);
    }

    private synchronized Path socketPath(int workerId) {
        if (directory == null) {
            directory = new RuntimeDirectory();
        }
        return directory.path().resolve("w" + workerId + ".sock");
    }

    /** The start-up archive of this launcher's workers. */
    ClassDataArchive archive() {
        return archive;
    }

    /** The command that starts a worker JVM. */
    List<String> command(int workerId) {
        return command(workerId, ClassDataArchive.Plan.NONE);
    }

    private List<String> command(int workerId, ClassDataArchive.Plan archivePlan) {
        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable());
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(archivePlan.options());
        command.addAll(settings.jvmOptions());
        command.add("-D" + WorkerProcessContract.WORKER_ID_PROPERTY + "=" + workerId);
        if (executableJar != null) {
            command.add("-D" + ExecutableJar.LOADER_MAIN_PROPERTY + "=" + settings.mainClass());
            command.add(ExecutableJar.PROPERTIES_LAUNCHER);
        } else {
            command.add(settings.mainClass());
        }
        return command;
    }

    /** The worker JVM's class path: the absolute path of an executable jar, else the configured one. */
    String classPath() {
        return executableJar != null ? executableJar.toString() : settings.classPath();
    }

    /**
     * Starts the worker JVM, hands it the secret and the socket's path on its standard input, and
     * waits for it to connect; the loop then runs the handshake on the channel.
     */
    @Override
    public WorkerChannel launch(int workerId, String secret) {
        String name = settings.loopName() + "-worker-" + workerId;
        Path socket = socketPath(workerId);
        Process process = null;
        OutputPump output = new OutputPump();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            ClassDataArchive.Plan archivePlan = archive.plan(workerId);
            ProcessBuilder builder = new ProcessBuilder(command(workerId, archivePlan));
            builder.environment().put("CLASSPATH", classPath());
            process = builder.start();
            WorkerProcesses.track(process, archivePlan.writing(), archivePlan.started().apply(process));
            output.start(process.getInputStream(), "stdout", name);
            output.start(process.getErrorStream(), "stderr", name);
            OutputStream stdin = process.getOutputStream();
            stdin.write((WorkerProcessContract.HANDSHAKE_LINE_PREFIX + " " + secret + " " + socket + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            SocketChannel channel;
            try {
                channel = accept(server, process);
            } finally {
                Files.deleteIfExists(socket);
            }
            return new ProcessWorker(workerId, process, channel, output, archivePlan.writing());
        } catch (IOException | RuntimeException e) {
            throw startFailure(name, process, output, e);
        }
    }

    /**
     * Waits for the worker to connect, up to the start timeout, watching that it still runs; no
     * timer thread is needed: the wait is a selector's, in slices.
     */
    private SocketChannel accept(ServerSocketChannel server, Process process) throws IOException {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        server.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (true) {
                SocketChannel channel = server.accept();
                if (channel != null) {
                    channel.configureBlocking(true);
                    return channel;
                }
                if (!process.isAlive()) {
                    throw new IOException("the worker JVM exited before it connected");
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new ConnectTimeout();
                }
                selector.select(Math.min(left, ACCEPT_POLL_MILLIS));
                selector.selectedKeys().clear();
                if (Thread.currentThread().isInterrupted()) {
                    throw new IOException("interrupted while waiting for the worker to connect");
                }
            }
        }
    }

    /** The worker did not connect within the start timeout. */
    private static final class ConnectTimeout extends IOException {
        private static final long serialVersionUID = 1L;

        ConnectTimeout() {
            super("the worker did not connect in time");
        }
    }

    private WorkerStartException startFailure(String name, @Nullable Process process, OutputPump output, Exception cause) {
        String how;
        if (process == null) {
            how = "could not be started: " + cause;
        } else {
            boolean exited = waitQuietly(process, Duration.ofMillis(500));
            String bootstrapFailure = bootstrapFailure(output.lastLines(1000));
            if (bootstrapFailure != null) {
                how = "failed to start: " + bootstrapFailure;
            } else if (exited) {
                how = ExitReport.describe(process.exitValue()) + " before it connected";
            } else if (cause instanceof ConnectTimeout) {
                how = "did not connect within " + settings.startTimeout().toMillis() + " ms";
            } else {
                how = "could not be connected: " + cause;
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        List<String> lines = output.lastLines(1000);
        String message = name + " " + how + (lines.isEmpty() ? "" : "; its last output:\n  " + String.join("\n  ", lines));
        return new WorkerStartException(message, cause);
    }

    /** The reason a worker's bootstrap gave on its standard error, or {@code null}. */
    private static @Nullable String bootstrapFailure(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            int at = lines.get(i).indexOf(WorkerProcessContract.START_FAILURE_LINE_PREFIX);
            if (at >= 0) {
                return lines.get(i).substring(at + WorkerProcessContract.START_FAILURE_LINE_PREFIX.length());
            }
        }
        return null;
    }

    private static boolean waitQuietly(Process process, Duration time) {
        try {
            return process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (directory != null) {
            directory.close();
            directory = null;
        }
    }

    private static final class ProcessWorker implements WorkerChannel {
        private final int id;
        private final Process process;
        private final SocketChannel channel;
        private final OutputPump output;
        private final BooleanSupplier writingArchive;

        ProcessWorker(int id, Process process, SocketChannel channel, OutputPump output, BooleanSupplier writingArchive) {
            this.id = id;
            this.process = process;
            this.channel = channel;
            this.output = output;
            this.writingArchive = writingArchive;
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public ReadableByteChannel fromWorker() {
            return channel;
        }

        @Override
        public WritableByteChannel toWorker() {
            return channel;
        }

        @Override
        public void closeChannel() {
            ThreadWorkerLauncher.closeQuietly(channel);
        }

        @Override
        public ExitReport awaitExit(Duration grace) {
            closeChannel();
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // the worker is gone already
            }
            if (!waitQuietly(process, grace)) {
                if (process.isAlive() && writingArchive.getAsBoolean()) {
                    return new ExitReport(null, "worker " + id + " (pid " + pid() + ") ended and is writing the"
                            + " workers' start-up archive", output.lastLines(0));
                }
                destroy();
                waitQuietly(process, Duration.ofSeconds(10));
            }
            List<String> lines = output.lastLines(1000);
            if (process.isAlive()) {
                return new ExitReport(null, "did not exit", lines);
            }
            int code = process.exitValue();
            return new ExitReport(code, "worker " + id + " (pid " + pid() + ") " + ExitReport.describe(code), lines);
        }

        @Override
        public void destroy() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
