package io.github.mpeventloop.examples.swing;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

import io.github.mpeventloop.EventLoop;

/**
 * Runs the window on the X display of its {@code DISPLAY}, in a JVM of its own (a JVM's display
 * cannot change once AWT has started), for {@link SwingDesktopTest}: clicks the button with the
 * mouse through {@link Robot}, waits until the progress bar is full, writes a screenshot to each
 * path of its arguments and prints what it saw, one {@code name=value} a line, then exits 0.
 */
public final class SwingDesktopDriver {

    private static final long WAIT_SECONDS = 150;

    private SwingDesktopDriver() {
    }

    public static void main(String[] args) throws Exception {
        EventLoop loop = SwingDesktop.eventLoop();
        PrimeWindow window = SwingDesktop.open(loop);
        List<Integer> progressSeen = new CopyOnWriteArrayList<>();
        CountDownLatch full = new CountDownLatch(1);
        SwingUtilities.invokeAndWait(() -> {
            window.progress().addChangeListener(change -> {
                int value = window.progress().getValue();
                progressSeen.add(value);
                if (value == window.progress().getMaximum()) {
                    full.countDown();
                }
            });
            window.frame().setLocation(0, 0);
            window.frame().setVisible(true);
        });
        Robot robot = new Robot();
        robot.setAutoWaitForIdle(true);
        robot.waitForIdle();

        Point[] button = new Point[1];
        SwingUtilities.invokeAndWait(() -> {
            Point corner = window.countButton().getLocationOnScreen();
            button[0] = new Point(corner.x + window.countButton().getWidth() / 2,
                    corner.y + window.countButton().getHeight() / 2);
        });
        robot.mouseMove(button[0].x, button[0].y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);

        boolean completed = full.await(WAIT_SECONDS, TimeUnit.SECONDS);
        robot.waitForIdle();
        Rectangle[] bounds = new Rectangle[1];
        String[] report = new String[1];
        SwingUtilities.invokeAndWait(() -> {
            bounds[0] = new Rectangle(window.frame().getLocationOnScreen(), window.frame().getSize());
            List<Boolean> onEdt = window.handledOnEventDispatchThread();
            report[0] = String.join("\n",
                    "completed=" + completed,
                    "progress=" + window.progress().getValue() + "/" + window.progress().getMaximum(),
                    "progressSeen=" + progressSeen.stream().map(String::valueOf).collect(Collectors.joining(",")),
                    "results=" + onEdt.size(),
                    "resultsOnEdt=" + onEdt.stream().filter(Boolean::booleanValue).count(),
                    "workerPids=" + window.workerPids().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    "selfPid=" + ProcessHandle.current().pid(),
                    "primes=" + window.primes(),
                    "total=" + window.total().getText(),
                    "buttonEnabled=" + window.countButton().isEnabled());
        });
        BufferedImage screenshot = robot.createScreenCapture(bounds[0]);
        for (String path : args) {
            Path file = Path.of(path);
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(screenshot, "png", file.toFile());
        }
        System.out.println(report[0]);
        System.out.flush();
        SwingUtilities.invokeAndWait(() -> window.frame().dispose());
        loop.stop();
        System.exit(0);
    }
}
