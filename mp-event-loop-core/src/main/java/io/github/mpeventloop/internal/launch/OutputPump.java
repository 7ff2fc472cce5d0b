package io.github.mpeventloop.internal.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards what a worker writes on its standard output or error to this process's log, each line
 * marked with the worker's id, and keeps the last lines for the report made when it dies. The
 * worker's output is never the data channel, so nothing it prints can corrupt a frame.
 */
final class OutputPump {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.mpeventloop.worker.output");
    private static final int MAX_LINES = 50;
    private static final int MAX_LINE_CHARS = 1024;

    private final Deque<String> tail = new ArrayDeque<>();
    private final List<Thread> threads = new ArrayList<>();

    void start(InputStream stream, String streamName, String workerName) {
        Thread thread = new Thread(() -> pump(stream, streamName, workerName), workerName + "-" + streamName);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void pump(InputStream stream, String streamName, String workerName) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                LOG.info("[{} {}] {}", workerName, streamName, line);
                remember(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "..." : line);
            }
        } catch (IOException e) {
            LOG.debug("output of {} ended: {}", workerName, e.toString());
        }
    }

    private synchronized void remember(String line) {
        if (tail.size() == MAX_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    /** Waits briefly for the streams to end (the worker has exited), then returns the last lines. */
    List<String> lastLines(long waitMillis) {
        long deadline = System.currentTimeMillis() + waitMillis;
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (this) {
            return List.copyOf(tail);
        }
    }
}
