package io.github.mpeventloop.sample.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.mpeventloop.sample.SampleApplication;

/**
 * The fractal explorer in headless Chromium, against the application with its real worker
 * processes: the first view renders on load, streaming in every tile; a render can be cancelled;
 * a worker can be crashed in the middle of a render, which still completes, while the status
 * panel shows the killed worker as lost, with how it ended, and then its replacement.
 *
 * <p>Uses Debian's {@code chromium} and {@code chromium-driver} packages ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}; other paths through {@code -Dchromium.binary} and
 * {@code -Dwebdriver.chrome.driver}). Selenium is never allowed to fetch a browser or driver: when
 * they are missing the test fails and says how to install them.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FractalPageBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOT = Path.of("target", "fractal-explorer.png");
    private static final int TILES = 64;
    private static final int PIXELS = 512 * 512;

    /** Selenium warns that it has no DevTools module for this Chromium; the test does not use DevTools. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(Level.SEVERE);
    }

    @LocalServerPort
    private int port;

    private Path profile;
    private ChromeDriverService service;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        String install = " is missing: install Debian's packages with "
                + "'apt-get install -y chromium chromium-driver' (CI's .ci/run does), "
                + "or point -Dchromium.binary and -Dwebdriver.chrome.driver at a Chromium and its driver";
        assertThat(Files.isExecutable(BROWSER)).as("Chromium " + BROWSER + install).isTrue();
        assertThat(Files.isExecutable(DRIVER)).as("chromedriver " + DRIVER + install).isTrue();
        this.profile = Files.createTempDirectory("fractal-explorer-chromium");
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort()
            .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1200,1000", "--user-data-dir=" + this.profile);
        this.browser = new ChromeDriver(this.service, options);
        this.wait = new WebDriverWait(this.browser, WAIT);
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (this.browser != null) {
            this.browser.quit();
        }
        if (this.service != null) {
            this.service.stop();
        }
        if (this.profile != null) {
            try (var files = Files.walk(this.profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void thePageRendersEveryTileCancelsARenderAndKeepsRenderingWhenAWorkerIsKilled() throws IOException {
        this.browser.get("http://localhost:" + this.port + "/");
        this.wait.until(page -> workerRowPids().size() == 2 && "UP".equals(text("loop-status")));
        Set<String> pidsBefore = workerPids();

        // The first view, rendered on load without a click: every tile arrives, the progress bar reaches 100 %.
        awaitRenderState("finished");
        assertThat(renderState("rendered")).isEqualTo(String.valueOf(TILES));
        assertThat(renderState("failed")).isEqualTo("0");
        assertThat(element("progress").getDomProperty("value")).isEqualTo("100");
        assertThat(text("progress-text")).startsWith(TILES + " / " + TILES + " tiles");
        assertThat(paintedPixels()).as("every pixel of the picture painted by a tile").isEqualTo(PIXELS);
        assertThat(logLines()).anyMatch(line -> line.contains("Render finished") && line.contains("by 2 worker(s)"));

        // A heavy render, cancelled while its first tiles are in the workers.
        setIterations("50000");
        new Select(element("samples")).selectByValue("1");
        click("render");
        this.wait.until(page -> element("cancel").isEnabled());
        click("cancel");
        awaitRenderState("cancelled");
        assertThat(Integer.parseInt(renderState("rendered"))).isLessThan(TILES);
        assertThat(logLines()).anyMatch(line -> line.contains("Render cancelled") && line.contains("never sent"));

        // A zoomed render with a worker killed under it: it completes, the worker is replaced. The crash
        // is armed first, so that the halt falls in one of the render's tiles however fast it runs.
        click("crash");
        this.wait.until(page -> logLines().stream().anyMatch(line -> line.contains("Crash armed")));
        setIterations("2000");
        new Select(element("samples")).selectByValue("3");
        element("outline").click();
        WebElement picture = element("fractal");
        new Actions(this.browser).moveToElement(picture, 58, -177).click().perform(); // the top of the period-3 bulb
        awaitRenderState("finished");
        assertThat(renderState("rendered")).as("tiles the dead worker held were rendered again")
            .isEqualTo(String.valueOf(TILES));
        assertThat(renderState("failed")).isEqualTo("0");
        assertThat(Integer.parseInt(renderState("retried"))).as("the tile the worker died in, retried").isPositive();
        assertThat(logLines()).anyMatch(line -> line.contains("was retried") && line.contains("attempt 2"));
        assertThat(element("progress").getDomProperty("value")).isEqualTo("100");
        assertThat(paintedPixels()).isEqualTo(PIXELS);
        assertThat(text("view-label")).contains("zoom × 4.00");

        this.wait.until(page -> workerRowPids().size() == 2 && !pidsBefore.containsAll(workerPids()));
        assertThat(workerPids()).as("one new worker process, one old").hasSize(2)
            .filteredOn(pidsBefore::contains).hasSize(1);
        assertThat(text("loop-status")).isEqualTo("UP");
        assertThat(logLines()).anyMatch(line -> line.contains("is gone"));

        // The killed worker did not vanish: it is listed as lost, with how it ended, and as replaced.
        this.wait.until(page -> lostWorkers().stream()
            .anyMatch(lost -> pidsBefore.contains(lost.get(0)) && !lost.get(2).isEmpty()));
        List<String> killed = lostWorkers().stream().filter(lost -> pidsBefore.contains(lost.get(0))).findFirst()
            .orElseThrow();
        assertThat(killed.get(3)).as("the lost worker's entry").contains("lost after", "exit code 1",
                "replaced by worker #" + killed.get(2));
        assertThat(workerRowIds()).as("its replacement is among the workers").contains(killed.get(2))
            .doesNotContain(killed.get(1));
        assertThat(lostRowPids()).as("no worker shown as lost once replaced").doesNotContain(killed.get(0));

        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    private void awaitRenderState(String state) {
        this.wait.until(page -> state.equals(renderState("state")));
    }

    private String renderState(String name) {
        return element("render-state").getDomAttribute("data-" + name);
    }

    private void setIterations(String iterations) {
        WebElement input = element("iterations");
        input.clear();
        input.sendKeys(iterations);
    }

    private long paintedPixels() {
        Object opaque = ((JavascriptExecutor) this.browser).executeScript(
                "const c = document.getElementById('fractal');"
                        + "const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "let n = 0; for (let i = 3; i < data.length; i += 4) { if (data[i] === 255) n++; } return n;");
        return ((Number) opaque).longValue();
    }

    /** The status panel redraws its rows while it polls, so rows are read in one script, never held. */
    private List<String> workerRowPids() {
        return strings("return Array.from(document.querySelectorAll('#workers tr[data-pid]')).map(r => r.dataset.pid);");
    }

    private List<String> workerRowIds() {
        return strings("return Array.from(document.querySelectorAll('#workers tr[data-pid]')).map(r => r.dataset.workerId);");
    }

    private List<String> lostRowPids() {
        return strings("return Array.from(document.querySelectorAll('#workers tr[data-lost-pid]')).map(r => r.dataset.lostPid);");
    }

    /** Each entry of the list of lost workers: pid, worker id, id of its replacement (or empty), text. */
    private List<List<String>> lostWorkers() {
        Object entries = ((JavascriptExecutor) this.browser).executeScript(
                "return Array.from(document.querySelectorAll('#lost-workers li'))"
                        + ".map(li => [li.dataset.pid, li.dataset.workerId, li.dataset.replacedBy, li.innerText]);");
        return ((List<?>) entries).stream().map(entry -> ((List<?>) entry).stream().map(String::valueOf).toList())
            .toList();
    }

    private Set<String> workerPids() {
        return new java.util.HashSet<>(workerRowPids());
    }

    private List<String> logLines() {
        return strings("return Array.from(document.querySelectorAll('#log li')).map(li => li.innerText);");
    }

    private List<String> strings(String script) {
        Object values = ((JavascriptExecutor) this.browser).executeScript(script);
        return ((List<?>) values).stream().map(String::valueOf).toList();
    }

    private void click(String id) {
        element(id).click();
    }

    private String text(String id) {
        return element(id).getText();
    }

    private WebElement element(String id) {
        return this.browser.findElement(By.id(id));
    }
}
