package io.github.mpeventloop.benchmarks.echo;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * The echo's child JVM: connects to the Unix-domain socket named by its first argument, decodes
 * each {@link EchoCodec.Event} in the format named by its second argument ({@code json} or
 * {@code smile}), runs it ({@link EchoCodec#run}) and answers a {@link EchoCodec.Result}, flushing
 * only when no whole frame is left in its input buffer. Exits at the end of its input.
 */
public final class EchoChild {

    private EchoChild() {
    }

    public static void main(String[] args) throws IOException {
        EchoCodec codec = new EchoCodec(EchoCodec.Format.of(args[1]));
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(args[0]));
            EchoFrames.Reader in = new EchoFrames.Reader(channel);
            EchoFrames.Writer out = new EchoFrames.Writer(channel);
            while (true) {
                if (!in.hasBufferedFrame()) {
                    out.flush();
                }
                if (!in.next()) {
                    break;
                }
                EchoCodec.Event event = codec.decodeEvent(in.frame(), in.length());
                out.write(codec.encodeResult(EchoCodec.run(event)));
            }
            out.flush();
        }
    }
}
