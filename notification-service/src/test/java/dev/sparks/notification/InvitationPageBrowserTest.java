package dev.sparks.notification;

import static dev.sparks.notification.InvitationFlowTest.of;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.events.InvitationRespondedV1;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.notification.support.Mailbox;
import dev.sparks.notification.support.MatchEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The invitation page in a real headless browser: Debian's chromium and chromedriver (deploy/local/browser-deps),
 * driven through Selenium with explicit paths, so nothing is downloaded.
 */
@QuarkusTest
class InvitationPageBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SPARKS_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("SPARKS_CHROMEDRIVER",
            "/usr/bin/chromedriver"));

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver are needed: run deploy/local/browser-deps");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("sparks-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1000,1400", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void openTheMailedLinkClickAcceptAndSeeTheConfirmation() throws Exception {
        MatchProposedV1 proposal = MatchEvents.proposal("Ada <i>Lovelace</i>", "Maya Mentor",
                "Engineering manager who loves helping people grow.");
        try (TopicProbe invitations = TopicProbe.fromNow(Topics.INVITATIONS)) {
            MatchEvents.publish(proposal);
            String link = Mailbox.await(proposal.participantEmail(), m -> true, 1, Duration.ofSeconds(30)).get(0)
                    .acceptLinkInHtml();

            browser.get(link);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("accept")));
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Ada <i>Lovelace</i>, Maya Mentor would like to mentor you");
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertThat(browser.findElement(By.cssSelector("label[for=reason]")).getText())
                    .contains("Reason for declining");
            screenshot("invitation-page.png");

            browser.findElement(By.id("accept")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Invitation accepted"));
            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                    .contains("You accepted the invitation to be mentored by Maya Mentor");
            screenshot("invitation-accepted.png");

            var responded = invitations.await(of(InvitationRespondedV1.TYPE, proposal.matchId()), 1,
                    Duration.ofSeconds(30));
            assertThat(responded).hasSize(1);
            assertThat(new ObjectMapper().readTree(responded.get(0).value()).get("answer").asText())
                    .isEqualTo("ACCEPTED");
        }
    }

    /** Kept in target/ for the README's example (docs/ holds a copy). */
    private void screenshot(String name) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(shot, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
