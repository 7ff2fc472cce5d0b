package io.github.mpeventloop.benchmarks.echo;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.mpeventloop.benchmarks.ChildJvm;

/** One {@link EchoChild} and the parent's end of its socket. */
public final class EchoLink implements AutoCloseable {

    private final Process process;
    private final SocketChannel channel;
    private final EchoCodec codec;
    final EchoFrames.Reader in;
    final EchoFrames.Writer out;

    /** Starts a child that listens on a fresh socket in {@code directory} and waits for it to connect. */
    public EchoLink(Path directory, EchoCodec codec, List<String> jvmOptions) throws IOException {
        this.codec = codec;
        Path socket = directory.resolve("echo-" + System.nanoTime() + ".sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            process = ChildJvm.start(jvmOptions, EchoChild.class, false, socket.toString(), codec.format().id());
            channel = server.accept();
        } finally {
            Files.deleteIfExists(socket);
        }
        in = new EchoFrames.Reader(channel);
        out = new EchoFrames.Writer(channel);
    }

    public long pid() {
        return process.pid();
    }

    EchoCodec codec() {
        return codec;
    }

    /** Sends one event, flushes, waits for its answer in this thread and returns its value. */
    public long roundTrip(EchoCodec.Event event) throws IOException {
        out.write(codec.encodeEvent(event));
        out.flush();
        if (!in.next()) {
            throw new IOException("echo child " + process.pid() + " closed its channel");
        }
        EchoCodec.Result result = codec.decodeResult(in.frame(), in.length());
        if (result.id() != event.id()) {
            throw new IOException("echo child answered " + result.id() + " to " + event.id());
        }
        return result.value();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // the child ends at the end of its input either way
        }
        ChildJvm.stop(process);
    }
}
