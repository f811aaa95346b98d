package org.fitsflow.routes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
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
 * With a small configured upload limit, the page says a larger file is too large (the server's 413
 * reason), and a smaller raw sub-frame still uploads in the same session with its Bayer pattern shown.
 */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UploadLimitPageTest {

    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("browser-limit");
    private static final long LIMIT = 5_000_000;

    @LocalServerPort
    int port;

    @TempDir
    Path scratch;

    private ChromeDriver browser;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
        registry.add("fitsflow.upload.max-bytes", () -> Long.toString(LIMIT));
    }

    @BeforeAll
    static void chromiumIsInstalled() {
        HeadlessChromium.requireInstalled();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        browser = HeadlessChromium.start(scratch.resolve("profile"), 1280, 900);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void saysAFileOverTheLimitIsTooLargeAndTakesASmallerOne() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/process.html");
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file-input")));

        // 12.4 MB against a 5 MB limit, then a 4 MB raw sub-frame
        input.sendKeys(SharedFiles.rgbNgc7023().toRealPath().toString());
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=upload-item][data-state=failed] [data-testid=upload-error]")));
        assertThat(error.getText()).isEqualTo("File too large: the upload limit is " + LIMIT + " bytes per file");

        input.sendKeys(SharedFiles.rawSubNgc7023().toRealPath().toString());
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=upload-item][data-state=uploaded] [data-testid=upload-summary]")));
        assertThat(summary.getText()).contains("Bayer\nGRBG").contains("Planes\n1");
        assertThat(browser.findElement(By.id("session-status")).getText()).contains("1 file,");
    }
}
