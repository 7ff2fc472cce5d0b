package io.github.mpeventloop.benchmarks.grpc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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
        return MethodDescriptor.newBuilder(new EventMarshaller(), new ResultMarshaller()).setType(type)
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

    private static final class EventMarshaller implements MethodDescriptor.Marshaller<EchoCodec.Event> {
        @Override
        public InputStream stream(EchoCodec.Event value) {
            return new ByteArrayInputStream(CODEC.encodeEvent(value));
        }

        @Override
        public EchoCodec.Event parse(InputStream stream) {
            byte[] bytes = readAll(stream);
            return CODEC.decodeEvent(bytes, bytes.length);
        }
    }

    private static final class ResultMarshaller implements MethodDescriptor.Marshaller<EchoCodec.Result> {
        @Override
        public InputStream stream(EchoCodec.Result value) {
            return new ByteArrayInputStream(CODEC.encodeResult(value));
        }

        @Override
        public EchoCodec.Result parse(InputStream stream) {
            byte[] bytes = readAll(stream);
            return CODEC.decodeResult(bytes, bytes.length);
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
