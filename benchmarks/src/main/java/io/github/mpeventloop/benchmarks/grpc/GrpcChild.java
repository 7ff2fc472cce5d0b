package io.github.mpeventloop.benchmarks.grpc;

import java.io.IOException;
import java.io.InputStream;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;

/**
 * The gRPC peer's child JVM: a grpc-java server on the Unix-domain socket named by its argument
 * (Netty's native epoll transport, one acceptor and one I/O thread, a direct executor so that
 * the trivial work runs on the I/O thread without a hand-off). Prints {@code ready} once it
 * listens and ends at the end of its standard input.
 */
public final class GrpcChild {

    private GrpcChild() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        Server server = NettyServerBuilder.forAddress(new DomainSocketAddress(args[0]))
                .channelType(EpollServerDomainSocketChannel.class)
                .bossEventLoopGroup(boss)
                .workerEventLoopGroup(io)
                .directExecutor()
                .addService(EchoService.definition())
                .build()
                .start();
        System.out.println("ready");
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // the parent keeps our standard input open while it wants us
        }
        server.shutdownNow().awaitTermination();
        boss.shutdownGracefully();
        io.shutdownGracefully();
        System.exit(0);
    }
}
