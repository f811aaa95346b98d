package org.fitsflow.routes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.routes.FitsflowApplication;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Drives /process.html in headless Chromium against the whole service on a random port (real SQLite,
 * real folders, the local executor): upload a real Seestar frame, run quick_dso, watch the progress, see
 * the preview, download the JPEG; follow a job by polling when server-sent events fail; see a job the
 * inbox started; refuse a text file posing as FITS, chosen or dropped; fit a phone screen.
 */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProcessPageBrowserTest {

    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("browser");

    /** An EventSource that fails at once, as behind a proxy that buffers or drops event streams. */
    private static final String FAILING_EVENT_SOURCE = """
            window.EventSource = class {
              constructor(url) { setTimeout(() => this.onerror && this.onerror(new Event('error')), 0); }
              addEventListener() {}
              close() {}
            };
            """;

    @LocalServerPort
    int port;

    @TempDir
    Path scratch;

    private ChromeDriver browser;
    private ProcessPage page;
    private WebDriverWait wait;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
    }

    @BeforeAll
    static void chromiumIsInstalled() {
        HeadlessChromium.requireInstalled();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        page = ProcessPage.start(scratch.resolve("profile"), 1440, 1000);
        browser = page.browser();
        wait = page.await();
    }

    @AfterEach
    void closeBrowser() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void uploadsAFrameProcessesItWithLiveProgressAndShowsThePreviewAndDownloads() throws Exception {
        Path frame = SharedFiles.rgbNgc7023();
        HeaderSummary header = FitsReader.readHeader(frame).summary();
        openPage();

        WebElement summary = page.upload("NGC 7023 browser test", frame);
        assertThat(summary.getText())
                .contains(header.object())
                .contains(header.width() + " × " + header.height())
                .contains("Planes\n" + header.planes());

        WebElement card = page.startQuickDso();
        List<String> percentages = page.watchProgress(card);
        assertThat(card.getDomAttribute("data-status")).isEqualTo("complete");
        assertThat(percentages).last().isEqualTo("100 %");
        assertThat(card.findElement(By.cssSelector("[data-testid=job-progress]")).getDomProperty("value")).isEqualTo("100");

        assertThat(page.loadedPreviewWidth(card)).isEqualTo(header.width());
        List<WebElement> downloads = card.findElements(By.cssSelector("[data-testid=job-download]"));
        assertThat(downloads).isNotEmpty();
        String mainOutput = downloads.stream()
                .map(link -> link.getDomProperty("href"))
                .filter(href -> href.endsWith("/download"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link to the main output"));
        BufferedImage jpeg = downloadJpeg(mainOutput);
        assertThat(jpeg.getWidth()).isEqualTo(header.width());
        assertThat(jpeg.getHeight()).isEqualTo(header.height());

        saveScreenshot();
    }

    @Test
    void followsAJobByPollingWhenServerSentEventsFail() throws Exception {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FAILING_EVENT_SOURCE));
        openPage();
        page.upload("polling", SharedFiles.rgbNgc7023());

        WebElement card = page.startQuickDso();
        page.watchProgress(card);

        assertThat(card.getDomAttribute("data-status")).isEqualTo("complete");
        assertThat(card.findElement(By.cssSelector("[data-testid=job-percent]")).getText()).isEqualTo("100 %");
        assertThat(page.loadedPreviewWidth(card)).isPositive();
        String jobPath = "/api/process/jobs/" + card.getDomAttribute("data-job-id");
        long polls = (Long) page.script("return performance.getEntriesByType('resource')"
                + ".filter(e => new URL(e.name).pathname === arguments[0]).length;", jobPath);
        assertThat(polls).as("GET %s requests", jobPath).isPositive();
    }

    @Test
    void listsAJobStartedFromTheInboxWithItsDownload() throws Exception {
        Path frame = SharedFiles.rgbNgc7023();
        HeaderSummary header = FitsReader.readHeader(frame).summary();
        openPage();

        Path target = Files.createDirectories(FOLDERS.inbox().resolve("MyWorks/NGC 7023"));
        Files.copy(frame, target.resolve("Stacked_12_NGC 7023_10.0s_IRCUT_20240731-024422.fit"));

        WebElement item = new WebDriverWait(browser, ProcessPage.JOB_TIMEOUT, Duration.ofMillis(250)).until(driver -> driver
                .findElements(By.cssSelector("[data-testid=recent-job][data-source=inbox][data-status=complete]"))
                .stream().findFirst().orElse(null));
        String link = item.findElement(By.cssSelector("[data-testid=recent-download]")).getDomProperty("href");
        BufferedImage jpeg = downloadJpeg(link);
        assertThat(jpeg.getWidth()).isEqualTo(header.width());
        assertThat(jpeg.getHeight()).isEqualTo(header.height());

        item.findElement(By.tagName("button")).click();
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=job-card][data-job-id='" + item.getDomAttribute("data-job-id") + "']")));
        assertThat(page.loadedPreviewWidth(card)).isEqualTo(header.width());
    }

    @Test
    void refusesATextFileNamedFitWithThePlainReason() throws Exception {
        Path fake = Files.writeString(scratch.resolve("notes-from-the-night.fit"), "Seeing was poor, clouds after midnight.\n");
        openPage();

        browser.findElement(By.id("file-input")).sendKeys(fake.toRealPath().toString());

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=upload-item][data-state=failed] [data-testid=upload-error]")));
        assertThat(error.getText())
                .startsWith("Not a usable FITS file: ")
                .hasSizeGreaterThan("Not a usable FITS file: ".length() + 5)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(browser.findElements(By.cssSelector("[data-testid=upload-summary]"))).isEmpty();
        assertThat(browser.findElement(By.id("process-button")).isEnabled()).isFalse();
    }

    @Test
    void uploadsFilesDroppedOnTheZone() {
        openPage();

        page.script("""
                const files = new DataTransfer();
                files.items.add(new File(['not a FITS file'], 'dropped-a.fit'));
                files.items.add(new File(['nor this one'], 'dropped-b.fits'));
                arguments[0].dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
                """, browser.findElement(By.id("drop-zone")));

        wait.until(driver -> driver.findElements(By.cssSelector("[data-testid=upload-item][data-state=failed]")).size() == 2);
        List<WebElement> items = browser.findElements(By.cssSelector("[data-testid=upload-item]"));
        assertThat(items).extracting(item -> item.getDomAttribute("data-file-name")).containsExactly("dropped-a.fit", "dropped-b.fits");
        assertThat(items).allSatisfy(item -> assertThat(item.findElement(By.cssSelector("[data-testid=upload-error]")).getText())
                .startsWith("Not a usable FITS file: "));
        assertThat(browser.findElement(By.id("session-status")).getText()).contains("0 files");
    }

    @Test
    void fitsAPhoneScreenInOneColumnWithoutSidewaysScrolling() {
        browser.manage().window().setSize(new Dimension(390, 844));
        openPage();

        long viewportWidth = (Long) page.script("return document.documentElement.clientWidth;");
        long pageWidth = (Long) page.script("return document.documentElement.scrollWidth;");
        assertThat(pageWidth).isLessThanOrEqualTo(viewportWidth);
        WebElement pipelines = browser.findElement(By.cssSelector("[data-testid=pipeline-panel]"));
        WebElement results = browser.findElement(By.cssSelector("[data-testid=jobs-panel]"));
        assertThat(results.getRect().getY()).isGreaterThan(pipelines.getRect().getY() + pipelines.getRect().getHeight() - 1);
        assertThat(browser.findElement(By.id("file-input")).getAccessibleName()).isEqualTo("Choose files…");
    }

    @Test
    void pipelinesThatRunOverAllFilesOfASessionSaySo() {
        openPage();

        assertThat(pipelineOption("stack_subs").findElement(By.cssSelector(".badge.subs")).getText())
                .isEqualTo("all files → one stack");
        assertThat(pipelineOption("analyze_subs").findElement(By.cssSelector(".badge.subs")).getText())
                .isEqualTo("all files → one report");
        assertThat(pipelineOption("quick_dso").findElements(By.cssSelector(".badge.subs"))).isEmpty();
    }

    private void openPage() {
        page.load(port);
        page.awaitPipelines();
    }

    private WebElement pipelineOption(String name) {
        return browser.findElement(By.cssSelector("[data-testid=pipeline-option][data-pipeline=" + name + "]"));
    }

    /** Fetches a link the page shows, as a person clicking it would, and decodes the JPEG. */
    private static BufferedImage downloadJpeg(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image).as("JPEG from %s", url).isNotNull();
        return image;
    }

    /** The finished page at desktop width, for the README. */
    private void saveScreenshot() throws IOException {
        browser.manage().window().setSize(new Dimension(1440, 1400));
        page.script("window.scrollTo(0, 0);");
        Path target = Path.of("target", "screenshot-process.png");
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
