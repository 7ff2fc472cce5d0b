package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.fixtures.Tasks;

class QuickStartTest {

    @Test
    void quickStartSumsTheResultsOfFourEventsRunInAWorkerProcess() {
        List<Integer> results = new CopyOnWriteArrayList<>();
        ResultHandler saveResults = ResultHandler.of(result -> results.add((Integer) result.value()));

        try (EventLoop loop = MpEventLoop.getEventLoop(saveResults)) {
            MpEventLoop.addEvent(Tasks::addVals, 2, 1);
            MpEventLoop.addEvent(Tasks::addVals, 3, 4);
            MpEventLoop.addEvent(Tasks::addVals, 5, 6);
            MpEventLoop.addEvent(Event.of(Tasks::addVals, 7, 8));
        }

        assertThat(results).containsExactly(3, 7, 11, 15);
        assertThat(results.stream().mapToInt(Integer::intValue).sum()).isEqualTo(36);
    }
}
