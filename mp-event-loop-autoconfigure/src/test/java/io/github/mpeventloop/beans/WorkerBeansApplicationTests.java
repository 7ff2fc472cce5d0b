package io.github.mpeventloop.beans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventStream;
import io.github.mpeventloop.spring.worker.BeanNotInWorkerException;

/**
 * Beans in workers with real worker JVMs, each running its own Spring context of
 * {@link BeansApplication}: bean targets (plain, awaited, streamed, mapped), {@code @InWorker}
 * methods, profiles and {@code application.yml} in the worker, and refusals at submission.
 */
@SpringBootTest(classes = BeansApplication.class, properties = { "mp.event-loop.name=beans",
        "mp.event-loop.workers=1", "mp.event-loop.worker.context.enabled=true",
        "mp.event-loop.worker.start-timeout=300s" })
@ActiveProfiles("beans")
@DirtiesContext
class WorkerBeansApplicationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final long PARENT_PID = ProcessHandle.current().pid();

    @Autowired
    private EventLoop loop;

    @Autowired
    private RenderService renderService;

    @Autowired
    private ApplicationContext context;

    @Test
    void aBeanTargetRunsOnTheWorkersServiceWithItsPropertiesProfileAndOtherBean() throws Exception {
        Rendered rendered = loop.addEvent(Event.onBean(RenderService::render, new Spec(2)))
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(rendered.pid()).isNotEqualTo(PARENT_PID);
        assertThat(loop.workers()).extracting(worker -> worker.pid()).contains(rendered.pid());
        assertThat(rendered.shade()).isEqualTo("ocean-6");
        assertThat(rendered.label()).isEqualTo("from-the-beans-profile");
    }

    @Test
    void anAsyncBeanTargetIsAwaitedInTheWorker() throws Exception {
        Rendered rendered = loop.addAsync(Event.onBean(RenderService::renderAsync, new Spec(5)))
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(rendered.pid()).isNotEqualTo(PARENT_PID);
        assertThat(rendered.shade()).isEqualTo("ocean-15");
    }

    @Test
    void aStreamBeanTargetSendsItsItemsOneByOne() {
        List<String> rows = new ArrayList<>();
        try (EventStream<String> stream = loop.addStream(Event.onBean(RenderService::rows, 3), String.class)) {
            stream.forEach(rows::add);
        }
        assertThat(rows).containsExactly("ocean-0", "ocean-1", "ocean-2");
    }

    @Test
    void mapOnBeanRunsTheBeanMethodForEveryItemInOrder() {
        List<Rendered> rendered = loop.mapOnBean(RenderService::render, List.of(new Spec(1), new Spec(2), new Spec(3)));
        assertThat(rendered).extracting(Rendered::shade).containsExactly("ocean-3", "ocean-6", "ocean-9");
        assertThat(rendered).extracting(Rendered::pid).doesNotContain(PARENT_PID);
    }

    @Test
    void aWorkerOnlyBeanIsATargetThoughTheApplicationHasNoSuchBean() throws Exception {
        assertThat(context.getBeanNamesForType(WorkerOnlyMarker.class)).isEmpty();
        String where = loop.addEvent(Event.onBean(WorkerOnlyMarker::where)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(where).startsWith("worker ").isNotEqualTo("worker " + PARENT_PID);
    }

    @Test
    void anInWorkerMethodIsProxiedHereAndRunsForRealInAWorker() throws Exception {
        assertThat(AopUtils.isAopProxy(renderService)).isTrue();
        Rendered rendered = renderService.renderInWorker(new Spec(4)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(rendered.pid()).isNotEqualTo(PARENT_PID);
        assertThat(rendered.shade()).isEqualTo("ocean-12");
        assertThat(rendered.label()).isEqualTo("from-the-beans-profile");
    }

    @Test
    void anInWorkerMethodReturningAnIterableStreamsItsItems() {
        List<String> rows = new ArrayList<>();
        renderService.rowsInWorker(2).forEach(rows::add);
        assertThat(rows).containsExactly("ocean-0", "ocean-1").isEqualTo(renderService.rowsHere(2));
    }

    @Test
    void aVoidInWorkerMethodIsFireAndForget(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("pid");
        renderService.writePid(file.toString());
        await().atMost(WAIT).until(() -> Files.exists(file) && !Files.readString(file).isEmpty());
        assertThat(Long.parseLong(Files.readString(file))).isNotEqualTo(PARENT_PID);
    }

    @Test
    void aFailingVoidInWorkerMethodLosesNoOtherCall() throws Exception {
        renderService.fail("on purpose");
        Rendered rendered = renderService.renderInWorker(new Spec(1)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(rendered.shade()).isEqualTo("ocean-3");
    }

    @Test
    void aBeanKeptOutOfWorkersIsRefusedAtSubmissionAndNoOtherEventIsLost() throws Exception {
        int before = loop.queueDepth() + loop.inFlight();
        assertThatThrownBy(() -> loop.addEvent(Event.onBean(ParentOnlyService::twice, 21)))
            .isInstanceOf(BeanNotInWorkerException.class)
            .hasMessageContaining("no bean of type " + ParentOnlyService.class.getName())
            .hasMessageContaining("@ConditionalOnNotWorker");
        assertThat(loop.queueDepth() + loop.inFlight()).isEqualTo(before);
        assertThat(loop.addEvent(Event.onBean(RenderService::render, new Spec(1))).get(WAIT.toSeconds(),
                TimeUnit.SECONDS).shade()).isEqualTo("ocean-3");
    }

    @Test
    void aBeanNameTheWorkersDoNotHaveIsRefusedAtSubmission() {
        assertThatThrownBy(() -> loop.addEvent(Event.onBean(RenderService::render, new Spec(1)).beanNamed("fastRenderer")))
            .isInstanceOf(BeanNotInWorkerException.class)
            .hasMessageContaining("no bean 'fastRenderer' of type " + RenderService.class.getName());
    }

    @Test
    void aTypeThatIsNoBeanAnywhereIsRefusedAtSubmission() {
        assertThatThrownBy(() -> loop.addEvent(Event.onBean(Spec::size)))
            .isInstanceOf(BeanNotInWorkerException.class)
            .hasMessageContaining("no bean of type " + Spec.class.getName())
            .hasMessageContaining(BeansApplication.class.getName());
    }
}
