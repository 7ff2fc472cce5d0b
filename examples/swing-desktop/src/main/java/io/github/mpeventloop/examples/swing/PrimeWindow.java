package io.github.mpeventloop.examples.swing;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.ResultHandler;

/**
 * The window: a button that sends one event per slice of the numbers below {@link #LIMIT}, a
 * progress bar that advances with each result, and a label with the total. Its output handler
 * runs on the event dispatch thread (the loop is built with
 * {@code handlerExecutor(SwingUtilities::invokeLater)}), so it updates the components directly;
 * the button's action only submits events and returns at once.
 */
public final class PrimeWindow {

    /** The numbers counted: those below this. */
    public static final long LIMIT = 4_000_000;

    /** How many events one count sends. */
    public static final int SLICES = 40;

    private final EventLoop loop;
    private final JFrame frame = new JFrame("mp-event-loop: primes in worker JVMs");
    private final JButton countButton = new JButton("Count primes");
    private final JProgressBar progress = new JProgressBar(0, SLICES);
    private final JLabel total = new JLabel("Press the button: the work runs in worker JVMs.");
    private final List<Boolean> handledOnEventDispatchThread = new ArrayList<>();
    private final Set<Long> workerPids = new TreeSet<>();
    private long primes;

    /**
     * Builds the window and adds its output handler to {@code loop}; call on the event dispatch thread.
     *
     * @param loop a loop built with {@code handlerExecutor(SwingUtilities::invokeLater)}
     */
    public PrimeWindow(EventLoop loop) {
        this.loop = loop;
        loop.addOutputHandler(ResultHandler.of(this::onResult));
        this.countButton.setName("count");
        this.progress.setName("progress");
        this.progress.setStringPainted(true);
        this.progress.setString("0 / " + SLICES + " slices");
        this.progress.setPreferredSize(new Dimension(420, 28));
        this.total.setName("total");
        this.total.setFont(this.total.getFont().deriveFont(Font.PLAIN));
        this.countButton.addActionListener(click -> count());

        JPanel content = new JPanel(new BorderLayout(8, 8));
        content.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        content.add(this.countButton, BorderLayout.NORTH);
        content.add(this.progress, BorderLayout.CENTER);
        content.add(this.total, BorderLayout.SOUTH);
        this.frame.setContentPane(content);
        this.frame.pack();
    }

    /** Sends one event per slice and returns: the results come back to {@link #onResult}. */
    private void count() {
        this.countButton.setEnabled(false);
        this.primes = 0;
        this.workerPids.clear();
        this.progress.setValue(0);
        this.progress.setString("0 / " + SLICES + " slices");
        this.total.setText("Counting the primes below " + format(LIMIT) + " in worker JVMs...");
        long slice = LIMIT / SLICES;
        for (int i = 0; i < SLICES; i++) {
            this.loop.addEvent(Event.of(PrimeWork::countPrimes, i * slice, (i + 1) * slice));
        }
    }

    private void onResult(EventResult<?> result) {
        this.handledOnEventDispatchThread.add(SwingUtilities.isEventDispatchThread());
        if (!(result.value() instanceof PrimeWork.SliceCount count)) {
            this.total.setText("A slice failed: " + result.error());
            this.countButton.setEnabled(true);
            return;
        }
        this.primes += count.primes();
        this.workerPids.add(count.workerPid());
        this.progress.setValue(this.progress.getValue() + 1);
        this.progress.setString(this.progress.getValue() + " / " + SLICES + " slices");
        if (this.progress.getValue() == SLICES) {
            this.total.setText(format(this.primes) + " primes below " + format(LIMIT) + ", counted in worker JVMs.");
            this.countButton.setEnabled(true);
        } else {
            this.total.setText(format(this.primes) + " primes so far...");
        }
    }

    private static String format(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }

    /** The window. */
    public JFrame frame() {
        return this.frame;
    }

    /** The button that starts a count. */
    public JButton countButton() {
        return this.countButton;
    }

    /** The progress bar: one step per slice counted. */
    public JProgressBar progress() {
        return this.progress;
    }

    /** The label with the total. */
    public JLabel total() {
        return this.total;
    }

    /** Whether each result so far was handled on the event dispatch thread; read on that thread. */
    public List<Boolean> handledOnEventDispatchThread() {
        return List.copyOf(this.handledOnEventDispatchThread);
    }

    /** Pids of the worker JVMs that counted the slices of the last count; read on the event dispatch thread. */
    public Set<Long> workerPids() {
        return Set.copyOf(this.workerPids);
    }

    /** The primes counted so far; read on the event dispatch thread. */
    public long primes() {
        return this.primes;
    }
}
