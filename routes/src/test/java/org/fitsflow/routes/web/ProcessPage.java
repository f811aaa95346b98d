package org.fitsflow.routes.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * /process.html in a fresh headless Chromium, driven as a person would: a session with a frame, a
 * quick_dso job, its progress and preview. Closing it quits the browser.
 */
final class ProcessPage implements AutoCloseable {
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);
    private static final String FINISHED = "[data-status=complete], [data-status=failed], [data-status=cancelled]";

    private final ChromeDriver browser;
    private final WebDriverWait wait;

    private ProcessPage(ChromeDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** A new browser with its own profile folder and window size. */
    static ProcessPage start(Path profileDirectory, int width, int height) throws IOException {
        return new ProcessPage(HeadlessChromium.start(profileDirectory, width, height));
    }

    ChromeDriver browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.quit();
    }

    WebDriverWait await() {
        return wait;
    }

    /** Opens the processing page (the gallery at the root links to it; GalleryBrowserTest follows that link). */
    void load(int port) {
        browser.get("http://localhost:" + port + "/process.html");
    }

    /** Waits until the page has listed the pipelines, its first answer from the API. */
    void awaitPipelines() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pipeline-quick_dso")));
    }

    /** Creates a named session, uploads the frame through the file input and returns its header summary. */
    WebElement upload(String sessionName, Path frame) throws IOException {
        browser.findElement(By.id("session-name")).sendKeys(sessionName);
        browser.findElement(By.id("create-session")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session-status"), sessionName));
        // chromedriver takes canonical paths only (fitsflow.shared contains "..")
        browser.findElement(By.id("file-input")).sendKeys(frame.toRealPath().toString());
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=upload-item][data-state=uploaded] [data-testid=upload-summary]")));
    }

    WebElement startQuickDso() {
        browser.findElement(By.id("pipeline-quick_dso")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("process-button"))).click();
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=job-card]")));
    }

    /** Every distinct percentage the page showed until the job finished. */
    List<String> watchProgress(WebElement card) {
        List<String> seen = new ArrayList<>();
        new WebDriverWait(browser, JOB_TIMEOUT, Duration.ofMillis(100)).until(driver -> {
            // Status first: the page renders status and percent together, so a finished card already shows its last percent.
            boolean finished = (Boolean) script("return arguments[0].matches(arguments[1]);", card, FINISHED);
            String percent = card.findElement(By.cssSelector("[data-testid=job-percent]")).getText();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(percent)) {
                seen.add(percent);
            }
            return finished;
        });
        return seen;
    }

    /** Waits until the card's preview image has loaded and returns its decoded width. */
    long loadedPreviewWidth(WebElement card) {
        WebElement preview = wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(card, By.cssSelector("[data-testid=job-preview]")));
        wait.until(driver -> naturalWidth(preview) > 0);
        return naturalWidth(preview);
    }

    private long naturalWidth(WebElement image) {
        return (Long) script("return arguments[0].naturalWidth;", image);
    }

    Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }
}
