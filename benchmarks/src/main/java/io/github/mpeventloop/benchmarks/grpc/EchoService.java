package io.github.mpeventloop.benchmarks.grpc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

import io.github.mpeventloop.benchmarks.echo.EchoCodec;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC service of the peer, without generated code: two hand-made method descriptors whose
 * messages are the echo's {@link EchoCodec.Event} and {@link EchoCodec.Result} in JSON (the same
 * codec as the echo's, so that only the transport differs): {@code Call}, one unary call per
 * event, and {@code Stream}, a bidirectional stream of events and results.
 */
public final class EchoService {

    static final String SERVICE = "mpeventloop.bench.Echo";
    private static final EchoCodec CODEC = new EchoCodec(EchoCodec.Format.JSON);

    /** One unary call per event. */
    public static final MethodDescriptor<EchoCodec.Event, EchoCodec.Result> CALL = method(MethodDescriptor.MethodType.UNARY,
            "Call");
    /** A bidirectional stream: one result per event, in order. */
    public static final MethodDescriptor<EchoCodec.Event, EchoCodec.Result> STREAM = method(
            MethodDescriptor.MethodType.BIDI_STREAMING, "Stream");

    private EchoService() {
    }

    private static MethodDescriptor<EchoCodec.Event, EchoCodec.Result> method(MethodDescriptor.MethodType type,
            String name) {
        return MethodDescriptor.newBuilder(new CodecMarshaller<>(CODEC::encodeEvent, CODEC::decodeEvent),
                new CodecMarshaller<>(CODEC::encodeResult, CODEC::decodeResult)).setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name)).build();
    }

    /** The server side: runs each event on the transport thread (the server has a direct executor). */
    static ServerServiceDefinition definition() {
        return ServerServiceDefinition.builder(SERVICE)
                .addMethod(CALL, ServerCalls.asyncUnaryCall((event, answer) -> {
                    answer.onNext(EchoCodec.run(event));
                    answer.onCompleted();
                }))
                .addMethod(STREAM, ServerCalls.asyncBidiStreamingCall(EchoService::stream))
                .build();
    }

    /**
     * The streaming side with manual flow control, as gRPC's own example does it: the next event is
     * requested only while the response stream is ready, otherwise when it becomes ready again.
     */
    private static StreamObserver<EchoCodec.Event> stream(StreamObserver<EchoCodec.Result> answers) {
        ServerCallStreamObserver<EchoCodec.Result> out = (ServerCallStreamObserver<EchoCodec.Result>) answers;
        out.disableAutoRequest();
        boolean[] waitingForReady = {true};
        out.setOnReadyHandler(() -> {
            if (waitingForReady[0] && out.isReady()) {
                waitingForReady[0] = false;
                out.request(1);
            }
        });
        return new StreamObserver<>() {
            @Override
            public void onNext(EchoCodec.Event event) {
                out.onNext(EchoCodec.run(event));
                if (out.isReady()) {
                    out.request(1);
                } else {
                    waitingForReady[0] = true;
                }
            }

            @Override
            public void onError(Throwable failure) {
                out.onError(failure);
            }

            @Override
            public void onCompleted() {
                out.onCompleted();
            }
        };
    }

    /** The echo's own codec as a gRPC marshaller, so that gRPC and the echo differ in transport only. */
    private record CodecMarshaller<T>(Function<T, byte[]> encode, Decoder<T> decode)
            implements MethodDescriptor.Marshaller<T> {
        @Override
        public InputStream stream(T value) {
            return new ByteArrayInputStream(encode.apply(value));
        }

        @Override
        public T parse(InputStream stream) {
            byte[] bytes = readAll(stream);
            return decode.decode(bytes, bytes.length);
        }
    }

    /** The echo codec's decoding of a whole message (no boxing of the length on the measured path). */
    @FunctionalInterface
    private interface Decoder<T> {
        T decode(byte[] bytes, int length);
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
