package io.github.mpeventloop.benchmarks.grpc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.mpeventloop.benchmarks.ChildJvm;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;

/**
 * One {@link GrpcChild} and a channel to it: Netty's epoll domain-socket transport with an I/O
 * thread of its own and a direct executor (callbacks run on the I/O thread, no hand-off).
 */
public final class GrpcLink implements AutoCloseable {

    private final Process process;
    private final Path socket;
    private final EventLoopGroup group;
    final ManagedChannel channel;

    public GrpcLink(Path directory, List<String> jvmOptions) throws IOException {
        socket = directory.resolve("grpc-" + System.nanoTime() + ".sock");
        process = ChildJvm.start(jvmOptions, GrpcChild.class, true, socket.toString());
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII));
        String line = output.readLine();
        if (!"ready".equals(line)) {
            process.destroyForcibly();
            throw new IOException("gRPC child said " + line + " instead of ready");
        }
        group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        channel = NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
                .channelType(EpollDomainSocketChannel.class, DomainSocketAddress.class)
                .eventLoopGroup(group)
                .directExecutor()
                .usePlaintext()
                .build();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        ChildJvm.stop(process);
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // the directory goes at the end of the run
        }
    }
}
