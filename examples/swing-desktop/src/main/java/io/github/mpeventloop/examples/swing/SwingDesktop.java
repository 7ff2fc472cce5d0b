package io.github.mpeventloop.examples.swing;

import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import io.github.mpeventloop.EventLoop;

/**
 * Opens the window with a loop of two worker JVMs whose results are handed to the event dispatch
 * thread. Run with {@code ./mvnw -B -q -pl examples/swing-desktop -am package -DskipTests} and
 * {@code ./mvnw -B -q -pl examples/swing-desktop exec:exec}.
 */
public final class SwingDesktop {

    private SwingDesktop() {
    }

    /**
     * Builds the loop the window needs: two worker JVMs, handlers on the event dispatch thread.
     *
     * @return the loop, not started
     */
    public static EventLoop eventLoop() {
        return EventLoop.builder()
            .name("swing")
            .workers(2)
            .maxInFlightPerWorker(2)
            .jvmOptions("-Xmx64m", "-XX:+UseSerialGC")
            .handlerExecutor(SwingUtilities::invokeLater)
            .build();
    }

    /**
     * Builds the window on the event dispatch thread, then starts the loop; closing the window
     * stops the loop, off that thread, since stopping waits for handlers that run on it.
     *
     * @param loop a loop from {@link #eventLoop()}, not started
     * @return the window, not yet visible
     * @throws InterruptedException if interrupted while the window is built
     * @throws InvocationTargetException if building the window failed
     */
    public static PrimeWindow open(EventLoop loop) throws InterruptedException, InvocationTargetException {
        PrimeWindow[] window = new PrimeWindow[1];
        SwingUtilities.invokeAndWait(() -> {
            window[0] = new PrimeWindow(loop);
            window[0].frame().setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
            window[0].frame().addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent event) {
                    new Thread(loop::stop, "swing-loop-stop").start();
                }
            });
        });
        loop.start();
        return window[0];
    }

    public static void main(String[] args) throws Exception {
        PrimeWindow window = open(eventLoop());
        SwingUtilities.invokeLater(() -> {
            window.frame().setLocationRelativeTo(null);
            window.frame().setVisible(true);
        });
    }
}
