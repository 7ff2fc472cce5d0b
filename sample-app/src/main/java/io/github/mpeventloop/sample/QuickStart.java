package io.github.mpeventloop.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.MpEventLoop;
import io.github.mpeventloop.ResultHandler;

/**
 * The seed's Quick Start in plain Java, without Spring: four events run in a worker process and
 * their results, handed to an output handler in order, sum to 36.
 */
public final class QuickStart {

    private QuickStart() {
    }

    /** The seed's {@code add_vals(value, value2=1)}; Java has no default arguments. */
    public static int addVals(int value, int value2) {
        return value + value2;
    }

    public static void main(String[] args) {
        List<Integer> results = new CopyOnWriteArrayList<>();
        ResultHandler saveResults = ResultHandler.of(result -> results.add((Integer) result.value()));

        try (EventLoop loop = MpEventLoop.getEventLoop(saveResults)) {
            MpEventLoop.addEvent(QuickStart::addVals, 2, 1);
            MpEventLoop.addEvent(QuickStart::addVals, 3, 4);
            MpEventLoop.addEvent(QuickStart::addVals, 5, 6);
            MpEventLoop.addEvent(Event.of(QuickStart::addVals, 7, 8));
        } // close() waits for the events and their handlers, then stops the worker

        if (!results.equals(List.of(3, 7, 11, 15))) {
            throw new IllegalStateException("unexpected results " + results);
        }
        int summed = results.stream().mapToInt(Integer::intValue).sum();
        System.out.println("Results summed: " + summed);
    }
}
