package io.github.mpeventloop.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.mpeventloop.ArgumentNotTransferableException;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.FrameTooLargeException;
import io.github.mpeventloop.RemoteEventException;
import io.github.mpeventloop.ResultNotTransferableException;
import io.github.mpeventloop.Target;
import io.github.mpeventloop.TargetNotAllowedException;

/**
 * The seven points of issue 14, as a user meets them: data arrives exactly, or is refused at
 * {@code addEvent} with a clear reason; the worker and the other events never suffer for it. One
 * process worker for the whole class.
 */
class DataArrivesExactlyTest {

    private static EventLoop loop;

    @BeforeAll
    static void startLoop() {
        loop = EventLoop.builder().name("exact").build().start();
    }

    @AfterAll
    static void closeLoop() {
        loop.close();
    }

    private static void workerStillServes() {
        assertThat(loop.addEvent(Values::echoText, "still here").join()).isEqualTo("still here");
    }

    @Test
    void point1aBigDecimalKeepsEveryDigitAndItsScale() {
        BigDecimal long_ = new BigDecimal("12345678901234567890123456789.012345678901234567890");
        assertThat(loop.addEvent(Values::decimal, long_).join()).isEqualTo(Values.exactly(long_));
        assertThat(loop.addEvent(Values::echoDecimal, long_).join()).isEqualTo(long_);

        BigDecimal tenCents = new BigDecimal("0.10");
        BigDecimal back = loop.addEvent(Values::echoDecimal, tenCents).join();
        assertThat(back).isEqualTo(tenCents);
        assertThat(back.scale()).isEqualTo(2);
        assertThat(back.toString()).isEqualTo("0.10");
    }

    @Test
    void point2aLongBigIntegerTravelsAndOneOverTheLimitIsRefusedAtAddEvent() {
        BigInteger twoThousandDigits = new BigInteger("9".repeat(2000));
        assertThat(loop.addEvent(Values::echoInteger, twoThousandDigits).join()).isEqualTo(twoThousandDigits);

        BigInteger overTheLimit = BigInteger.TEN.pow(100_001);
        EventFuture<String> before = loop.addEvent(Values::echoText, "before");
        assertThatThrownBy(() -> loop.addEvent(Values::echoInteger, overTheLimit))
                .isInstanceOf(ArgumentNotTransferableException.class)
                .hasMessageContaining("argument 0")
                .hasMessageContaining("over the limit of 100000")
                .hasMessageContaining("maxNumberLength")
                .hasMessageContaining("mp.event-loop.frame.max-number-length");
        assertThat(before.join()).isEqualTo("before");
        workerStillServes();
    }

    @Test
    void point3aCycleIsRefusedWithItsPathAndADeepListTravels() {
        assertThatThrownBy(() -> loop.addEvent(Values::length, Values.loop()))
                .isInstanceOf(ArgumentNotTransferableException.class)
                .hasMessageContaining("argument 0: Node.next.next → argument 0")
                .hasMessageNotContaining("Node[\"next\"]");
        assertThat(loop.addEvent(Values::length, Values.chain(600)).join()).isEqualTo(600);
        assertThat(loop.addEvent(Values::length, Values.chain(10_000)).join()).isEqualTo(10_000);
        assertThat(Values.length(loop.addEvent(Values::chain, 10_000).join())).isEqualTo(10_000);
        workerStillServes();
    }

    @Test
    void point4aRemoteErrorKeepsItsCauseAndSuppressedAndPrintsLikeALocalTrace() {
        assertThatThrownBy(() -> loop.addEvent(Values::failWithSuppressed).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(RemoteEventException.class, remote -> {
                    assertThat(remote.remoteClassName()).isEqualTo("java.lang.IllegalStateException");
                    assertThat(remote.getCause()).hasToString("java.lang.IllegalArgumentException: inner");
                    assertThat(remote.getSuppressed()).hasSize(1);
                    assertThat(remote.getSuppressed()[0])
                            .hasToString("java.lang.UnsupportedOperationException: while closing");
                    StringWriter printed = new StringWriter();
                    remote.printStackTrace(new PrintWriter(printed));
                    assertThat(printed.toString())
                            .contains("Caused by: java.lang.IllegalArgumentException: inner")
                            .contains("Suppressed: java.lang.UnsupportedOperationException: while closing")
                            .contains("at " + Values.class.getName() + ".failWithSuppressed(Values.java:");
                });
    }

    @Test
    void point5aResultTheWorkerCannotWriteFailsWithTheDocumentedTypeInThisLibrarysWords() {
        assertThatThrownBy(() -> loop.addEvent(Values::nothingToWrite).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(ResultNotTransferableException.class)
                .hasMessageContaining("the result, a java.lang.Object,")
                .hasMessageContaining("no fields to carry")
                .hasMessageNotContaining("SerializationFeature")
                .hasMessageNotContaining("FAIL_ON_EMPTY_BEANS");
        try (EventLoop small = EventLoop.builder().name("exact-small").maxFrameBytes(64 * 1024).build().start()) {
            assertThatThrownBy(() -> small.addEvent(Values::huge).join())
                    .isInstanceOf(CompletionException.class)
                    .hasMessageContaining(FrameTooLargeException.class.getName())
                    .hasMessageContaining("the result, a java.lang.String,")
                    .hasMessageContaining("over the frame limit of 65536 bytes")
                    .hasMessageContaining("mp.event-loop.frame.max-size");
            assertThat(small.addEvent(Values::echoText, "small").join()).isEqualTo("small");
        }
        workerStillServes();
    }

    @Test
    void point6aValueTheWorkerCannotRebuildIsRefusedAtAddEventNamingTheClass() {
        Values.Misnamed misnamed = new Values.Misnamed(3);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> loop.addEvent(Values::width, misnamed))
                    .isInstanceOf(ArgumentNotTransferableException.class)
                    .hasMessageContaining(Values.Misnamed.class.getName())
                    .hasMessageContaining("not named after its fields")
                    .hasMessageContaining("(w)")
                    .hasMessageNotContaining("Cannot map");
        }
        workerStillServes();
    }

    @Test
    void point7javasConversionsApplyAndPureJdkMethodsAreTargets() {
        assertThat(loop.addEvent((Target.Call1<Short, String>) Values::widened, (short) 5).join()).isEqualTo("int 5");
        assertThat(loop.addEvent((Target.Call1<Character, String>) Values::widened, 'A').join()).isEqualTo("int 65");
        assertThat(loop.addEvent((Target.Call1<Integer, String>) Values::asDouble, 7).join()).isEqualTo("double 7.0");

        assertThat(loop.addEvent((Target.Call2<Integer, Integer, Integer>) Math::max, 3, 9).join()).isEqualTo(9);
        assertThat(loop.addEvent((Target.Call1<Object, String>) String::valueOf, 42).join()).isEqualTo("42");
        assertThat(loop.addEvent((Target.Call1<String, Integer>) Integer::parseInt, "123").join()).isEqualTo(123);

        assertThatThrownBy(() -> loop.addEvent((Target.Run1<Integer>) System::exit, 3))
                .isInstanceOf(TargetNotAllowedException.class);
        assertThatThrownBy(() -> loop.addEvent((Target.Call1<String, Process>) Runtime.getRuntime()::exec, "ls"))
                .isInstanceOf(TargetNotAllowedException.class);
        assertThatThrownBy(() -> loop.addEvent((Target.Call1<String, Class<?>>) Class::forName, "java.lang.Thread"))
                .isInstanceOf(TargetNotAllowedException.class);
        workerStillServes();
    }
}
