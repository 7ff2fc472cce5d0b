package io.github.mpeventloop.internal.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.WorkerStartException;
import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.FrameWriter;
import io.github.mpeventloop.internal.wire.Handshake;
import io.github.mpeventloop.internal.wire.WireMapper;
import tools.jackson.databind.json.JsonMapper;

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

    /** System property set in every worker JVM to its worker id. */
    public static final String WORKER_ID_PROPERTY = "mp.event-loop.worker.id";
    /** First word of the line a worker reads on its standard input. */
    public static final String HANDSHAKE_LINE_PREFIX = "MPEL1";

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mp-event-loop-start-timer");
        thread.setDaemon(true);
        return thread;
    });

    private final LaunchSettings settings;
    private final @Nullable Path executableJar;
    private final ClassDataArchive archive;
    private final JsonMapper mapper = WireMapper.create();
    private @Nullable RuntimeDirectory directory;

    public ProcessWorkerLauncher(LaunchSettings settings) {
        this.settings = settings;
        this.executableJar = ExecutableJar.detect(settings.classPath()).orElse(null);
        this.archive = ClassDataArchive.forWorkers(settings.javaExecutable(), settings.classPath(),
                settings.classDataSharing() && executableJar == null);
    }

    private synchronized Path socketPath(int workerId) {
        if (directory == null) {
            directory = new RuntimeDirectory();
        }
        return directory.path().resolve("w" + workerId + ".sock");
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
        command.add("-D" + WORKER_ID_PROPERTY + "=" + workerId);
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

    @Override
    public LaunchedWorker launch(int workerId) {
        String name = settings.loopName() + "-worker-" + workerId;
        String secret = Secrets.newSecret();
        Path socket = socketPath(workerId);
        Process process = null;
        OutputPump output = new OutputPump();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            ClassDataArchive.Plan archivePlan = archive.plan(workerId);
            ProcessBuilder builder = new ProcessBuilder(command(workerId, archivePlan));
            builder.environment().put("CLASSPATH", classPath());
            process = builder.start();
            archivePlan.started().accept(process);
            WorkerProcesses.track(process);
            output.start(process.getInputStream(), "stdout", name);
            output.start(process.getErrorStream(), "stderr", name);
            OutputStream stdin = process.getOutputStream();
            stdin.write((HANDSHAKE_LINE_PREFIX + " " + secret + " " + socket + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();

            ScheduledFuture<?> timeout = closeOnTimeout(server);
            process.onExit().thenRun(() -> closeQuietly(server));
            SocketChannel channel;
            try {
                channel = server.accept();
            } finally {
                timeout.cancel(false);
                Files.deleteIfExists(socket);
            }
            FrameReader reader = new FrameReader(channel, settings.maxFrameBytes(), () -> { });
            FrameWriter writer = new FrameWriter(channel, settings.maxFrameBytes());
            ScheduledFuture<?> helloTimeout = closeOnTimeout(channel);
            Handshake.Hello hello;
            try {
                hello = Handshake.welcome(reader, writer, mapper, secret, settings.welcome(workerId));
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                throw e;
            } finally {
                helloTimeout.cancel(false);
            }
            return new ProcessWorker(workerId, process, channel, reader, writer, output, hello.pid());
        } catch (IOException | RuntimeException e) {
            throw startFailure(name, process, output, e);
        }
    }

    private ScheduledFuture<?> closeOnTimeout(java.nio.channels.Channel channel) {
        return TIMER.schedule(() -> closeQuietly(channel), settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private WorkerStartException startFailure(String name, @Nullable Process process, OutputPump output, Exception cause) {
        String how;
        if (process == null) {
            how = "could not be started: " + cause;
        } else {
            boolean exited = waitQuietly(process, Duration.ofMillis(500));
            if (exited) {
                how = ExitReport.describe(process.exitValue()) + " before it connected";
            } else if (cause instanceof ClosedChannelException) {
                how = "did not connect within " + settings.startTimeout().toMillis() + " ms";
            } else {
                how = "failed its handshake: " + cause.getMessage();
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        List<String> lines = output.lastLines(1000);
        String message = name + " " + how + (lines.isEmpty() ? "" : "; its last output:\n  " + String.join("\n  ", lines));
        return new WorkerStartException(message, cause);
    }

    private static boolean waitQuietly(Process process, Duration time) {
        try {
            return process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }

    @Override
    public synchronized void close() {
        if (directory != null) {
            directory.close();
            directory = null;
        }
    }

    private static final class ProcessWorker implements LaunchedWorker {
        private final int id;
        private final Process process;
        private final SocketChannel channel;
        private final FrameReader reader;
        private final FrameWriter writer;
        private final OutputPump output;
        private final long pid;

        ProcessWorker(int id, Process process, SocketChannel channel, FrameReader reader, FrameWriter writer,
                OutputPump output, long pid) {
            this.id = id;
            this.process = process;
            this.channel = channel;
            this.reader = reader;
            this.writer = writer;
            this.output = output;
            this.pid = pid > 0 ? pid : process.pid();
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
        public FrameReader reader() {
            return reader;
        }

        @Override
        public FrameWriter writer() {
            return writer;
        }

        @Override
        public void closeChannel() {
            closeQuietly(channel);
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
                destroy();
                waitQuietly(process, Duration.ofSeconds(10));
            }
            List<String> lines = output.lastLines(1000);
            if (process.isAlive()) {
                return new ExitReport(null, "did not exit", lines);
            }
            int code = process.exitValue();
            return new ExitReport(code, "worker " + id + " (pid " + pid + ") " + ExitReport.describe(code), lines);
        }

        @Override
        public void destroy() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
