package org.factorysharing.systemtests.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages' front door in a real browser: the login page speaks Bahasa Indonesia unless the browser prefers English,
 * the language switch is remembered, a wrong password is told in the page's language, a phone never scrolls
 * sideways; and every page is served with a Content-Security-Policy that allows no inline script.
 */
@ServerTest
class SignInPageIT {

    @LocalServerPort
    int port;

    @Test
    void aPersonSignsInInIndonesianAndSwitchesToEnglishWhichIsRemembered() {
        try (Browser browser = Browser.desktop(port, "sign-in")) {
            browser.open("/");
            assertThat(browser.path()).isEqualTo("/login");
            assertThat(browser.language()).isEqualTo("id");
            assertThat(browser.heading()).isEqualTo("Masuk");
            browser.shot("login-id");

            browser.fill("Nama pengguna", "officer")
                    .fill("Kata sandi", TestData.PASSWORD)
                    .press("Masuk");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.heading()).isEqualTo("Selamat datang, officer");
            browser.shot("home-id");

            browser.follow("English");
            assertThat(browser.language()).isEqualTo("en");
            assertThat(browser.heading()).isEqualTo("Welcome, officer");
            browser.shot("home-en");

            // remembered over a new page, and after signing out and in again
            browser.open("/");
            assertThat(browser.text()).contains("Sign out");
            browser.signOut();
            assertThat(browser.text()).contains("You have signed out.");
            browser.signIn("officer");
            assertThat(browser.heading()).isEqualTo("Welcome, officer");

            browser.follow("Bahasa Indonesia");
            assertThat(browser.heading()).isEqualTo("Selamat datang, officer");
        }
    }

    @Test
    void aBrowserThatPrefersEnglishIsAnsweredInEnglish() {
        try (Browser browser = Browser.englishDesktop(port, "sign-in-english")) {
            browser.open("/login");
            assertThat(browser.language()).isEqualTo("en");
            assertThat(browser.heading()).isEqualTo("Sign in");
        }
    }

    @Test
    void aWrongPasswordIsToldOnTheLoginPage() {
        try (Browser browser = Browser.desktop(port, "sign-in-wrong-password")) {
            browser.signIn("officer", "not-the-password");
            assertThat(browser.path()).isEqualTo("/login?error");
            assertThat(browser.find(By.cssSelector("[role=alert]")).getText())
                    .startsWith("Nama pengguna atau kata sandi salah");
            browser.shot("wrong-password");
        }
    }

    @Test
    void onAPhoneTheLoginAndHomePagesFitTheScreen() {
        try (Browser browser = Browser.phone(port, "sign-in-phone")) {
            browser.open("/login");
            assertThat(browser.overflowsHorizontally()).isFalse();
            browser.signIn("officer");
            assertThat(browser.overflowsHorizontally()).isFalse();
            browser.shot("home-phone");
        }
    }

    @Test
    void anUnknownPageIsAPageInThePersonsLanguage() {
        try (Browser browser = Browser.desktop(port, "unknown-page")) {
            browser.signIn("officer").open("/no-such-page");
            assertThat(browser.heading()).isEqualTo("Tidak ditemukan");
            assertThat(browser.text()).contains("Kode 404");
        }
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScriptAndNoInlineScriptOrStyle() {
        Http person = Http.signedIn(port, "officer", TestData.PASSWORD);
        for (String path : new String[] {"/login", "/"}) {
            Reply page = person.send(
                    person.request(path).header("Accept", "text/html").GET());
            assertThat(page.status()).as(path).isEqualTo(200);
            String policy = page.header("Content-Security-Policy");
            assertThat(policy).as(path).contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(page.body())
                    .as(path)
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContainPattern("\\son[a-z]+=\"")
                    .doesNotContain(" style=\"");
        }
        // the Camunda webapps keep their own policy: two policies would both apply and break them
        Reply tasklist = person.send(person.request("/camunda/app/tasklist/default/")
                .header("Accept", "text/html")
                .GET());
        assertThat(tasklist.response().headers().allValues("Content-Security-Policy"))
                .noneMatch(policy -> policy.equals(contentSecurityPolicyOfThePages(person)));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        Http browser = Http.browser(port);
        browser.get("/login");
        Reply login = browser.send(browser.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=officer&password=" + TestData.PASSWORD + "&_csrf="
                        + Http.csrfToken(browser.get("/login").body()))));
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.response().headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
    }

    private static String contentSecurityPolicyOfThePages(Http person) {
        return person.get("/login").header("Content-Security-Policy");
    }
}
