package io.github.mpeventloop.examples.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Swing example on a virtual X display (Debian's {@code xvfb}): a mouse click on the button
 * sends the work to two real worker JVMs, the progress bar moves through every step to its end,
 * every result is handled on the event dispatch thread, and a screenshot of the window is written
 * to {@code docs/swing-example.png} and {@code target/}.
 */
class SwingDesktopTest {

    private static final long WAIT_SECONDS = 180;
    private static final long PRIMES_BELOW_LIMIT = 283_146;

    private Process xvfb;
    private Process gui;

    @Test
    void aClickSendsTheWorkToWorkerJvmsAndTheProgressBarReachesItsEndOnTheEventDispatchThread() throws Exception {
        String display = startXvfb();
        Path log = Path.of("target", "swing-desktop-driver.log");
        Files.createDirectories(log.getParent());
        Path docsScreenshot = Path.of(System.getProperty("swing.screenshot.docs", "../../docs/swing-example.png"));
        Path targetScreenshot = Path.of(System.getProperty("swing.screenshot.target", "target/swing-example.png"));
        Files.deleteIfExists(targetScreenshot);
        ProcessBuilder driver = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                SwingDesktopDriver.class.getName(), docsScreenshot.toString(), targetScreenshot.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        driver.environment().put("DISPLAY", display);
        this.gui = driver.start();

        assertThat(this.gui.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("the window's driver ended; see %s", log).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(this.gui.exitValue()).as("exit status of the driver, whose output is:%n%s", output).isZero();
        Map<String, String> seen = report(output);

        assertThat(seen.get("completed")).as(output).isEqualTo("true");
        assertThat(seen.get("progress")).isEqualTo(PrimeWindow.SLICES + "/" + PrimeWindow.SLICES);
        assertThat(Arrays.stream(seen.get("progressSeen").split(",")).map(Integer::valueOf).filter(v -> v > 0).toList())
            .as("the bar went through every step, one a result").containsExactly(
                    java.util.stream.IntStream.rangeClosed(1, PrimeWindow.SLICES).boxed().toArray(Integer[]::new));
        assertThat(seen.get("results")).isEqualTo(String.valueOf(PrimeWindow.SLICES));
        assertThat(seen.get("resultsOnEdt")).as("results handled on the event dispatch thread")
            .isEqualTo(String.valueOf(PrimeWindow.SLICES));
        List<String> workerPids = List.of(seen.get("workerPids").split(","));
        assertThat(workerPids).as("the slices were counted in other JVMs than the window's").isNotEmpty()
            .doesNotContain(seen.get("selfPid"));
        assertThat(seen.get("primes")).isEqualTo(String.valueOf(PRIMES_BELOW_LIMIT));
        assertThat(seen.get("total")).isEqualTo("283,146 primes below 4,000,000, counted in worker JVMs.");
        assertThat(seen.get("buttonEnabled")).isEqualTo("true");

        for (Path screenshot : List.of(targetScreenshot, docsScreenshot)) {
            BufferedImage image = ImageIO.read(screenshot.toFile());
            assertThat(image).as("screenshot %s", screenshot).isNotNull();
            assertThat(image.getWidth()).isGreaterThan(200);
            assertThat(image.getHeight()).isGreaterThan(50);
        }
    }

    @AfterEach
    void stop() {
        if (this.gui != null && this.gui.isAlive()) {
            this.gui.descendants().forEach(ProcessHandle::destroyForcibly);
            this.gui.destroyForcibly();
        }
        if (this.xvfb != null) {
            this.xvfb.destroy();
        }
    }

    /** Starts Xvfb on a display number it picks itself ({@code -displayfd}), free on this machine; returns ":n". */
    private String startXvfb() throws Exception {
        String xvfbPath = findXvfb();
        assertThat(xvfbPath).as("Xvfb is missing: install Debian's package with 'apt-get install -y xvfb' "
                + "(CI's .ci/run does)").isNotNull();
        this.xvfb = new ProcessBuilder(xvfbPath, "-displayfd", "1", "-screen", "0", "800x600x24", "-nolisten", "tcp")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(this.xvfb.getInputStream(), StandardCharsets.US_ASCII));
        String number = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException ex) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(number).as("the display number Xvfb chose").isNotNull().matches("\\d+");
        return ":" + number.trim();
    }

    private static String findXvfb() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "Xvfb");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static Map<String, String> report(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        output.lines().filter(line -> line.matches("[A-Za-z]+=.*")).forEach(line -> {
            int equals = line.indexOf('=');
            values.put(line.substring(0, equals), line.substring(equals + 1));
        });
        return values;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
