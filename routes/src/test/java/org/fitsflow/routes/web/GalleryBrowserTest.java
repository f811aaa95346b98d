package org.fitsflow.routes.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.fitsflow.routes.FitsflowApplication;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
 * The gallery, a target page and the viewer in headless Chromium against the whole service with an access
 * token, fed through its inbox with real Seestar files: a telescope stack alone (a target of single frames),
 * and raw subs of another target with the telescope's own stack of that night (a night, with before/after).
 * With {@code -Dfitsflow.screenshots=<folder>} the gallery and the target page are saved there as PNG (the
 * README's screenshots).
 */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fitsflow.security.token=" + GalleryBrowserTest.TOKEN)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GalleryBrowserTest {
    static final String TOKEN = "gallery-token-6d1f0a93be";
    private static final String FRAMES_TARGET = "ngc-7000--lp";
    private static final String NIGHTS_TARGET = "ngc-7023--ircut";
    private static final Duration RESULTS = Duration.ofMinutes(4);

    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("gallery");

    @LocalServerPort
    int port;

    @TempDir
    Path scratch;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) throws IOException {
        FOLDERS.register(registry);
        registry.add("fitsflow.nights.quiet-minutes", () -> "0.05");
        registry.add("fitsflow.nights.check-interval", () -> "1s");
        stockInbox();
    }

    /** What a Seestar's synced folder holds after two sessions, there before the service starts. */
    private static void stockInbox() throws IOException {
        Path frames = Files.createDirectories(FOLDERS.inbox().resolve("MyWorks/NGC 7000"));
        Files.copy(SharedFiles.syntheticStacked(), frames.resolve("Stacked_120_NGC 7000_10.0s_LP_20250326-212046.fit"));
        Path stacks = Files.createDirectories(FOLDERS.inbox().resolve("MyWorks/NGC 7023"));
        Files.copy(SharedFiles.rgbNgc7023(), stacks.resolve("Stacked_12_NGC 7023_10.0s_IRCUT_20240731-024422.fit"));
        Path subs = Files.createDirectories(FOLDERS.inbox().resolve("MyWorks/NGC 7023_sub"));
        for (Path sub : SharedFiles.ngc7023NightSubs()) {
            Files.copy(sub, subs.resolve(sub.getFileName()));
        }
    }

    @BeforeAll
    static void chromiumIsInstalled() {
        HeadlessChromium.requireInstalled();
    }

    @BeforeEach
    void resultsAreThere() throws IOException {
        ApiClient api = new ApiClient(port).with("Authorization", "Bearer " + TOKEN);
        Await.until("the night stacked and both telescope stacks processed", RESULTS,
                () -> api.get("/api/process/targets/" + NIGHTS_TARGET), answer -> answer.status() == 200
                        && answer.json().get("nights").size() == 1 && answer.json().get("nights").get(0).get("state").asText().equals("done")
                        && !answer.json().get("nights").get(0).get("telescope_stack").isNull()
                        && api.get("/api/process/targets/" + FRAMES_TARGET).status() == 200);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsEveryTargetWithItsNewestThumbnailAfterTheToken() throws IOException {
        openSignedIn("/", 1280, 900);

        WebElement frames = card(FRAMES_TARGET);
        WebElement nights = card(NIGHTS_TARGET);
        assertThat(frames.getDomAttribute("data-kind")).isEqualTo("frames");
        assertThat(frames.getText()).contains("NGC 7000 · LP").contains("single frames").contains("20 min");
        assertThat(nights.getDomAttribute("data-kind")).isEqualTo("subs");
        assertThat(nights.getText()).contains("NGC 7023 · IRCUT").contains("Nights\n1").contains("Last night\n2024-07-30");
        for (WebElement card : List.of(frames, nights)) {
            assertThat(loadedWidth(card.findElement(By.cssSelector("[data-testid=target-thumbnail]")))).as("the 320 px thumbnail")
                    .isBetween(1L, 320L);
        }
        screenshot("screenshot-gallery.png");

        browser.findElement(By.cssSelector("[data-testid=upload-link]")).click();
        wait.until(ExpectedConditions.urlContains("/process.html"));
    }

    @Test
    void aBadgeShowsTheProgressWhileANightStacksThenItsPicture() throws IOException {
        openSignedIn("/", 1280, 900);
        card(NIGHTS_TARGET);
        Path subs = Files.createDirectories(FOLDERS.inbox().resolve("MyWorks/M 94_sub"));
        for (Path sub : SharedFiles.m94Subs()) {
            Files.copy(sub, subs.resolve(sub.getFileName()));
        }

        WebElement badge = new WebDriverWait(browser, Duration.ofMinutes(2), Duration.ofMillis(200)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-target-id='m-94--ircut'] [data-testid=stacking-badge]")));
        assertThat(badge.getText()).matches("Stacking 2025-03-26 · \\d+ %");
        assertThat(badge.findElement(By.tagName("progress")).getDomAttribute("max")).isEqualTo("100");

        new WebDriverWait(browser, Duration.ofMinutes(3), Duration.ofMillis(500)).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("[data-target-id='m-94--ircut'] [data-testid=stacking-badge]")));
        WebElement done = card("m-94--ircut");
        assertThat(done.getText()).contains("40 s").contains("Last night\n2025-03-26");
        assertThat(loadedWidth(done.findElement(By.cssSelector("[data-testid=target-thumbnail]")))).isBetween(1L, 320L);
    }

    @Test
    void aNightShowsItsNumbersAndTheViewerZoomsPinchesAndComparesWithTheTelescope() throws IOException {
        openSignedIn("/", 1280, 1000);
        WebElement link = card(NIGHTS_TARGET).findElement(By.cssSelector("[data-testid=target-link]"));
        link.sendKeys(Keys.ENTER);
        WebElement night = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=night][data-date='2024-07-30']")));

        assertThat(text(night, "night-integration")).isEqualTo("Integration\n3 × 10 s = 30 s");
        assertThat(text(night, "night-subs")).isEqualTo("Subs\n3 used of 3");
        assertThat(text(night, "night-fwhm")).matches("(?s)Median FWHM\n\\d+\\.\\d″ \\(\\d+\\.\\d px\\)");
        assertThat(loadedWidth(night.findElement(By.cssSelector("[data-testid=quality-plot]")))).isPositive();
        assertThat(browser.findElements(By.cssSelector("[data-testid=chart-svg] [data-testid=chart-bar]"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[data-testid=frame]")).getText()).contains("Stacked_12_NGC 7023");
        screenshot("screenshot-target.png");

        WebElement open = night.findElement(By.cssSelector("[data-testid=open-viewer]"));
        open.sendKeys(Keys.ENTER);
        WebElement image = viewerImage();
        String ours = image.getDomProperty("src");
        assertThat(browser.findElements(By.cssSelector("[data-testid=viewer-download]"))).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).matches(".*\\.jpg \\d+(\\.\\d)? MB"))
                .anySatisfy(t -> assertThat(t).matches(".*\\.fits \\d+(\\.\\d)? MB"));

        WebElement stage = browser.findElement(By.cssSelector("[data-testid=viewer-stage]"));
        assertThat(scale(stage)).isEqualTo(1.0);
        stage.sendKeys("+");
        double afterKey = scale(stage);
        assertThat(afterKey).isGreaterThan(1.0);
        script("arguments[0].dispatchEvent(new WheelEvent('wheel', {deltaY: -400, clientX: 640, clientY: 400, bubbles: true, cancelable: true}));", stage);
        double afterWheel = scale(stage);
        assertThat(afterWheel).isGreaterThan(afterKey);
        stage.sendKeys("0");
        pinchOut(stage);
        assertThat(scale(stage)).as("pinched with two fingers").isGreaterThan(1.2);

        WebElement toggle = browser.findElement(By.cssSelector("[data-testid=before-after]"));
        toggle.click();
        wait.until(d -> !image.getDomProperty("src").equals(ours) && "true".equals(image.getDomAttribute("data-full")));
        assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(image.getDomProperty("src")).contains("Stacked_12_NGC");

        stage.sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=viewer][open]")));
        assertThat(browser.switchTo().activeElement()).as("the focus back on the picture").isEqualTo(open);
    }

    @Test
    void aRestretchMakesANewPreviewAndKeepingItReplacesTheShownPicture() {
        openSignedIn("/target.html?id=" + FRAMES_TARGET, 1280, 900);
        WebElement thumbnail = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=frame] [data-testid=result-thumbnail]")));
        String before = thumbnail.getDomProperty("src");
        browser.findElement(By.cssSelector("[data-testid=frame] [data-testid=open-viewer]")).click();
        WebElement image = viewerImage();
        String original = image.getDomProperty("src");

        browser.findElement(By.cssSelector("[data-testid=restretch-toggle]")).click();
        browser.findElement(By.cssSelector("[data-testid=rs-linked]")).click();
        browser.findElement(By.cssSelector("[data-testid=rs-curve] option[value=asinh]")).click();
        browser.findElement(By.cssSelector("[data-testid=rs-run]")).click();
        new WebDriverWait(browser, Duration.ofMinutes(2)).until(d -> !image.getDomProperty("src").equals(original)
                && "true".equals(image.getDomAttribute("data-full")));
        assertThat(loadedWidth(image)).isEqualTo(1920);
        assertThat(image.getDomProperty("src")).isNotEqualTo(original).contains("restretch-");

        browser.findElement(By.cssSelector("[data-testid=rs-keep]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=rs-status]"), "Kept"));
        browser.findElement(By.cssSelector("[data-testid=viewer-close]")).click();
        wait.until(d -> !d.findElement(By.cssSelector("[data-testid=frame] [data-testid=result-thumbnail]")).getDomProperty("src").equals(before));

        browser.navigate().refresh();
        WebElement kept = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=frame] [data-testid=result-thumbnail]")));
        assertThat(kept.getDomProperty("src")).as("kept across a reload").isNotEqualTo(before).contains("restretch-");
        assertThat(loadedWidth(kept)).isEqualTo(320);
    }

    @Test
    void fitsAPhoneScreenWithoutScrollingSideways() {
        openSignedIn("/", 360, 740);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
        browser.navigate().refresh();
        card(NIGHTS_TARGET);
        assertNoSidewaysScroll("gallery");

        browser.get(base() + "/target.html?id=" + NIGHTS_TARGET);
        WebElement open = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=night] [data-testid=open-viewer]")));
        assertNoSidewaysScroll("target page");
        open.click();
        viewerImage();
        browser.findElement(By.cssSelector("[data-testid=restretch-toggle]")).click();
        assertThat((Long) script("return document.getElementById('viewer').scrollWidth - document.getElementById('viewer').clientWidth;"))
                .as("viewer").isLessThanOrEqualTo(0L);
    }

    private void openSignedIn(String path, int width, int height) {
        try {
            browser = HeadlessChromium.start(scratch.resolve("profile"), width, height);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base() + path);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=token-dialog][open]")));
        browser.findElement(By.id("token-input")).sendKeys(TOKEN);
        browser.findElement(By.id("token-submit")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=token-dialog][open]")));
    }

    private WebElement card(String targetId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=target-card][data-target-id='" + targetId + "']")));
    }

    private WebElement viewerImage() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=viewer][open]")));
        WebElement image = browser.findElement(By.cssSelector("[data-testid=viewer-image]"));
        wait.until(d -> "true".equals(image.getDomAttribute("data-full")));
        assertThat(loadedWidth(image)).isPositive();
        return image;
    }

    /** Two fingers on the stage, moving apart: the touch events Chromium turns into pointer events. */
    private void pinchOut(WebElement stage) {
        int x = stage.getRect().getX() + stage.getRect().getWidth() / 2;
        int y = stage.getRect().getY() + stage.getRect().getHeight() / 2;
        touch("touchStart", x - 30, x + 30, y);
        for (int spread = 50; spread <= 150; spread += 20) {
            touch("touchMove", x - spread, x + spread, y);
        }
        browser.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    }

    private void touch(String type, int x1, int x2, int y) {
        browser.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", type, "touchPoints", List.of(
                Map.of("x", x1, "y", y, "id", 1), Map.of("x", x2, "y", y, "id", 2))));
    }

    private void assertNoSidewaysScroll(String what) {
        assertThat((Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .as(what + ": wider than the screen by").isLessThanOrEqualTo(0L);
    }

    private long loadedWidth(WebElement image) {
        wait.withMessage(() -> "picture " + image.getDomProperty("src") + " not loaded: " + script(
                "const i = arguments[0]; return JSON.stringify({c: i.isConnected, done: i.complete, w: i.naturalWidth, "
                + "r: performance.getEntriesByName(i.src).map(e => e.responseStatus)});", image))
                .until(d -> Boolean.TRUE.equals(script("return arguments[0].complete && arguments[0].naturalWidth > 0;", image)));
        return (Long) script("return arguments[0].naturalWidth;", image);
    }

    private static double scale(WebElement stage) {
        return Double.parseDouble(stage.getDomAttribute("data-scale"));
    }

    private static String text(WebElement parent, String testId) {
        return parent.findElement(By.cssSelector("[data-testid=" + testId + "]")).getText();
    }

    private Object script(String code, Object... args) {
        return browser.executeScript(code, args);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void screenshot(String name) throws IOException {
        String folder = System.getProperty("fitsflow.screenshots");
        if (folder != null) {
            Path target = Path.of(folder).resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        }
    }
}
