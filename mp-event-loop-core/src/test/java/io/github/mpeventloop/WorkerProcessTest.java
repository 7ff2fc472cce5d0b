package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.mpeventloop.fixtures.ParentMain;
import io.github.mpeventloop.internal.process.ProcessStatus;
import io.github.mpeventloop.fixtures.RogueWorkerMain;
import io.github.mpeventloop.fixtures.Tasks;
import io.github.mpeventloop.spi.LaunchSettings;

/** Workers are real child JVMs: what they print, how they share work, how they die. */
class WorkerProcessTest {

    @Test
    void workersAreChildJvmsOfThisProcess() {
        try (EventLoop loop = EventLoop.builder().name("children").workers(2).build().start()) {
            List<Long> pids = loop.workers().stream().map(WorkerInfo::pid).toList();
            assertThat(pids).hasSize(2).doesNotContain(ProcessHandle.current().pid());
            assertThat(ProcessHandle.current().children().map(ProcessHandle::pid).toList()).containsAll(pids);
            long ranIn = loop.addEvent(Tasks::pid).join();
            assertThat(pids).contains(ranIn);
        }
    }

    @Test
    void whatAWorkerPrintsReachesTheParentsLogMarkedWithTheWorkerAndCannotCorruptTheChannel() {
        Logger output = (Logger) LoggerFactory.getLogger("io.github.mpeventloop.worker.output");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        output.addAppender(appender);
        try (EventLoop loop = EventLoop.builder().name("chatty").build().start()) {
            assertThat(loop.addEvent(Tasks::chatter, "hello from a worker").join()).isEqualTo("hello from a worker");
            assertThat(loop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(appender.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .contains("[chatty-worker-1 stdout] hello from a worker",
                            "[chatty-worker-1 stderr] hello from a worker on stderr"));
        } finally {
            output.detachAppender(appender);
        }
    }

    @Test
    void aBusyWorkerDoesNotHoldBackEventsAnIdleWorkerCanRun() throws Exception {
        try (ServerSocket signal = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                EventLoop loop = EventLoop.builder().name("busy-idle").workers(2).build().start()) {
            EventFuture<String> longEvent = loop.addEvent(Tasks::awaitSignal, signal.getLocalPort());
            try (Socket running = signal.accept()) {
                List<EventFuture<Integer>> shortEvents = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    shortEvents.add(loop.addEvent(Tasks::addOne, i));
                }
                for (int i = 0; i < 50; i++) {
                    assertThat(shortEvents.get(i).join()).isEqualTo(i + 1);
                }
                assertThat(longEvent).isNotDone();
                OutputStream out = running.getOutputStream();
                out.write(7);
                out.flush();
                assertThat(longEvent.join()).isEqualTo("signalled 7");
            }
        }
    }

    @Test
    void aKilledWorkerFailsItsEventWithAReportAndIsReplaced() throws Exception {
        try (ServerSocket signal = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                EventLoop loop = EventLoop.builder().name("killed").build().start()) {
            long victim = loop.workers().get(0).pid();
            EventFuture<String> running = loop.addEvent(Tasks::awaitSignal, signal.getLocalPort());
            try (Socket accepted = signal.accept()) {
                ProcessHandle.of(victim).orElseThrow().destroyForcibly();
                assertThatThrownBy(running::join).isInstanceOf(CompletionException.class)
                        .cause().isInstanceOf(WorkerLostException.class)
                        .hasMessageContaining("pid " + victim)
                        .hasMessageContaining("signal 9 (SIGKILL)");
            }
            assertThat(loop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
            assertThat(loop.workers()).singleElement().extracting(WorkerInfo::pid).isNotEqualTo(victim);
        }
    }

    @Test
    void aMalformedFrameFromAWorkerFailsItsEventAndTheReplacementServesTheRest() {
        try (EventLoop loop = EventLoop.builder().name("rogue").workerMainClass(RogueWorkerMain.class).build().start()) {
            EventFuture<Integer> answeredWithGarbage = loop.addEvent(Tasks::addOne, 1);
            assertThatThrownBy(answeredWithGarbage::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(WorkerLostException.class)
                    .hasMessageContaining("worker 1")
                    .hasMessageContaining("unparseable frame");
            assertThat(loop.addEvent(Tasks::addOne, 2).join()).isEqualTo(3);
            assertThat(loop.workers()).singleElement().extracting(WorkerInfo::id).isEqualTo(2);
        }
    }

    @Test
    void aFrameOfATypeNoWorkerSendsFailsOnlyTheEventInFlightAndTheQueuedOneIsServed() {
        try (EventLoop loop = EventLoop.builder().name("rogue-type").workers(1).workerMainClass(RogueWorkerMain.class)
                .jvmOptions("-D" + RogueWorkerMain.ANSWER_PROPERTY + "={\"type\":\"hurray\",\"id\":1}").build()
                .start()) {
            EventFuture<Integer> answeredWithGarbage = loop.addEvent(Tasks::addOne, 1);
            EventFuture<Integer> queuedBehindIt = loop.addEvent(Tasks::addOne, 2);
            assertThatThrownBy(answeredWithGarbage::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(WorkerLostException.class)
                    .hasMessageContaining("worker 1")
                    .hasMessageContaining("unexpected frame type \"hurray\"");
            assertThat(queuedBehindIt.join()).isEqualTo(3);
            assertThat(loop.workers()).singleElement().extracting(WorkerInfo::id).isEqualTo(2);
        }
    }

    @Test
    void aWorkerFrameInTheWrongPhaseIsAProtocolErrorNamingIt() {
        try (EventLoop loop = EventLoop.builder().name("rogue-hello").workers(1).workerMainClass(RogueWorkerMain.class)
                .jvmOptions("-D" + RogueWorkerMain.ANSWER_PROPERTY + "={\"type\":\"hello\",\"protocol\":4}").build()
                .start()) {
            EventFuture<Integer> answeredWithHello = loop.addEvent(Tasks::addOne, 1);
            assertThatThrownBy(answeredWithHello::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(WorkerLostException.class)
                    .hasMessageContaining("unexpected frame type \"hello\" from worker 1");
            assertThat(loop.addEvent(Tasks::addOne, 2).join()).isEqualTo(3);
        }
    }

    @Test
    void aWorkerThatCannotStartFailsStartWithItsOutput() {
        EventLoop loop = EventLoop.builder().name("bad-option").jvmOptions("-XX:+NoSuchJvmOption").build();
        assertThatThrownBy(loop::start).isInstanceOf(WorkerStartException.class)
                .hasMessageContaining("bad-option-worker-1")
                .hasMessageContaining("NoSuchJvmOption");
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void workersExitWhenTheirParentIsKilledWithSigkill() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(LaunchSettings.currentJava(), ParentMain.class.getName());
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        builder.redirectErrorStream(true);
        Process parent = builder.start();
        try {
            List<Long> workers = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("WORKERS ")) {
                        Arrays.stream(line.substring(8).split(" ")).map(Long::valueOf).forEach(workers::add);
                        break;
                    }
                }
                assertThat(workers).hasSize(2).allMatch(pid -> !ProcessStatus.isDead(pid));

                parent.destroyForcibly();
                parent.waitFor();

                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(workers).allMatch(ProcessStatus::isDead));
            }
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void theWorkerSocketDirectoryIsGoneAfterClose() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        String ours = "mpel-" + ProcessHandle.current().pid() + "-";
        try (EventLoop loop = EventLoop.builder().name("tidy").build().start()) {
            loop.addEvent(Tasks::addOne, 1).join();
        }
        assertThat(list(tmp)).noneMatch(name -> name.startsWith(ours));
    }

    private static List<String> list(Path dir) {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
