package org.fitsflow.routes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.fitsflow.routes.FitsflowApplication;
import org.fitsflow.routes.security.AccessCheck;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * /process.html in headless Chromium against a service with an access token: the page asks for the
 * token once, however many of its requests were refused, says so when it is wrong, then uploads and
 * processes a frame with the sign-in cookie alone (the preview image and the event stream included);
 * the token is kept nowhere the page's scripts can read, and a reload asks nothing until Sign out.
 */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fitsflow.security.token=" + TokenPromptBrowserTest.TOKEN)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TokenPromptBrowserTest {
    static final String TOKEN = "page-token-3b9e51d0c7a24f86";

    /** Counts the dialogs the page opens, from before its own scripts run. */
    private static final String COUNT_PROMPTS = """
            window.prompts = 0;
            const showModal = HTMLDialogElement.prototype.showModal;
            HTMLDialogElement.prototype.showModal = function () { window.prompts++; return showModal.call(this); };
            """;
    private static final By DIALOG_OPEN = By.cssSelector("[data-testid=token-dialog][open]");

    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("token-page");

    @LocalServerPort
    int port;

    @TempDir
    Path scratch;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
    }

    @BeforeAll
    static void chromiumIsInstalled() {
        HeadlessChromium.requireInstalled();
    }

    @Test
    void asksForTheTokenOnceThenProcessesAFrameWithTheSignInCookieAlone() throws IOException {
        try (ProcessPage page = ProcessPage.start(scratch.resolve("profile"), 1280, 1000)) {
            ChromeDriver browser = page.browser();
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COUNT_PROMPTS));
            signInAndProcessAFrame(page, browser);
        }
    }

    private void signInAndProcessAFrame(ProcessPage page, ChromeDriver browser) throws IOException {
        page.load(port);
        page.await().until(ExpectedConditions.visibilityOfElementLocated(DIALOG_OPEN));

        signIn(browser, "not-the-token-of-this-service");
        page.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-error"),
                "That is not the token of this FitsFlow."));
        assertThat(browser.findElements(DIALOG_OPEN)).as("still asking").hasSize(1);

        signIn(browser, TOKEN);
        page.await().until(ExpectedConditions.invisibilityOfElementLocated(DIALOG_OPEN));
        page.awaitPipelines();
        assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).isTrue();

        page.upload("with a token", SharedFiles.rgbNgc7023());
        WebElement card = page.startQuickDso();
        page.watchProgress(card);
        assertThat(card.getDomAttribute("data-status")).isEqualTo("complete");
        assertThat(page.loadedPreviewWidth(card)).isEqualTo(1080);
        assertThat(page.script("return window.prompts;")).as("dialogs opened").isEqualTo(1L);

        assertThat((String) page.script("return JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage});"))
                .doesNotContain(TOKEN);
        assertThat((String) page.script("return document.cookie;")).as("the cookie is HttpOnly").doesNotContain(AccessCheck.SESSION_COOKIE);
        Cookie cookie = browser.manage().getCookieNamed(AccessCheck.SESSION_COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getValue()).doesNotContain(TOKEN);

        browser.navigate().refresh();
        page.awaitPipelines();
        page.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=recent-job][data-status=complete]")));
        assertThat(page.script("return window.prompts;")).as("no dialog after a reload").isEqualTo(0L);

        page.await().until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        page.await().until(ExpectedConditions.visibilityOfElementLocated(DIALOG_OPEN));
        assertThat(browser.manage().getCookieNamed(AccessCheck.SESSION_COOKIE)).as("signed out").isNull();
    }

    private static void signIn(ChromeDriver browser, String token) {
        WebElement input = browser.findElement(By.id("token-input"));
        input.clear();
        input.sendKeys(token);
        browser.findElement(By.id("token-submit")).click();
    }
}
