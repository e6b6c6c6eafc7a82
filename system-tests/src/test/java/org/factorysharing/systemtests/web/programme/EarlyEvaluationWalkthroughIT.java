package org.factorysharing.systemtests.web.programme;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.HttpWalk.MemberLogin;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The programme in English, through the pages only: a running pilot (prepared over the JSON API: a wave, two
 * commissioned factories, two members' jobs) is evaluated early at an officer's request once a supervisor approves;
 * the recommendation is shown with what it rests on; an officer proposes a scale-up; three other people decide the
 * three stages on their task pages; and the next wave is planned. A screenshot of every step is kept under
 * target/screenshots/programme-early-evaluation.
 */
@ServerTest
class EarlyEvaluationWalkthroughIT {

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    MemberLogins logins;

    @Autowired
    EventStoreProbe events;

    @Test
    void anEarlyEvaluationAndThreeApprovalStagesEndWithTheNextWavePlanned() {
        Pilots pilots = new Pilots(port, commands, logins);
        int year = TestData.today().getYear();
        String name = "Pilot walk-through " + TestData.nib().substring(7);
        String waveId = pilots.plannedWave(name, year, 2, 6, """
                {"minUtilisation":0.0,"minMembersServed":1,"minJobsCompleted":2,"minOutputUnits":400,
                 "minQualityPassRate":0.9}""");
        String first = pilots.enrolledFactory(waveId);
        String second = pilots.enrolledFactory(waveId);
        pilots.awaitRunning(waveId);
        MemberLogin member = pilots.member();
        pilots.completedJob(member, first, 300);
        pilots.completedJob(member, second, 250);
        pilots.awaitKpis(waveId, kpis -> kpis.get("kpis").get("jobsCompleted").asInt() == 2);
        String wavePage = "/programme/waves/" + waveId;

        try (Browser browser = Browser.englishDesktop(port, "programme-early-evaluation")) {
            // an officer asks for an early evaluation of the running pilot
            browser.signIn("officer").open("/programme");
            assertThat(browser.heading()).isEqualTo("Programme and waves");
            browser.shot("dashboard");
            browser.follow(name);
            assertThat(browser.heading()).isEqualTo(name);
            assertThat(browser.text()).contains("Pilot running", "Target 2, enrolled 2, commissioned 2");
            browser.shot("wave-running");
            browser.fill("Reason", "Both factories met every target within weeks; the harvest season ends early.")
                    .press("Send the request")
                    .awaitText("Early evaluation requested");
            browser.reloadUntil("Request 1 is waiting for another supervisor’s decision.");
            showing(browser, "#early-evaluation").shot("early-evaluation-requested");

            // a supervisor approves it: the pilot period ends and the wave is evaluated at once
            browser.signOut().signIn("supervisor").open(wavePage);
            browser.reloadUntil("Decide request 1 by officer");
            showing(browser, "#early-evaluation").shot("early-evaluation-to-decide");
            browser.fill("Comment", "Agreed: the figures are clear.")
                    .press("Approve the evaluation now")
                    .awaitText("Approved: the pilot period ends now");
            browser.reloadUntil("Evaluation 1");
            assertThat(browser.text())
                    .contains(
                            "The decision table recommends: Scale up",
                            "Every KPI threshold was met",
                            "scale_up_eligibility version",
                            "of the event store",
                            "Inputs of the decision table: KPIs against thresholds");
            assertThat(browser.find(By.cssSelector("table.early-requests")).getText())
                    .contains("Approved", "supervisor", "Agreed: the figures are clear.");
            showing(browser, "section.recommendations").shot("recommendation-shown");

            // the officer proposes a scale-up of six factories on the task page, the explanation beside the form
            browser.signOut().signIn("officer").open(wavePage);
            browser.reloadUntil("Propose the outcome");
            browser.follow("Propose the outcome");
            assertThat(browser.heading()).isEqualTo("Propose the outcome: " + name);
            assertThat(new Select(browser.field("Proposed outcome"))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("Scale up");
            assertThat(browser.text()).contains("Every KPI threshold was met");
            browser.shot("propose-outcome");
            browser.fill("Next wave’s target factories", "6").press("Propose").awaitText("Proposal sent");
            browser.shot("proposed");

            // three other people decide the three stages
            decide(browser, "officer2", wavePage, "Regional review", "Regions are ready.");
            decide(browser, "planner", wavePage, "Planning review", "Fits the plan for next year.");
            decide(browser, "executive", wavePage, "Final approval", "Approved.");

            // the timeline tells who decided what, and the next wave is planned with the approved target
            // the next wave and the wave's own status come from two read models: each shows within moments
            browser.reloadUntil("Open the next wave").reloadUntil("Scale-up approved");
            assertThat(browser.find(By.cssSelector("ol.timeline")).getText())
                    .contains(
                            "Proposed",
                            "by officer",
                            "Regional review",
                            "by officer2",
                            "Regions are ready.",
                            "Planning review",
                            "by planner",
                            "Final approval",
                            "by executive");
            assertThat(browser.text()).contains("Scale-up approved");
            showing(browser, "section.proposals").shot("approved-with-timeline");
            browser.follow("Open the next wave");
            assertThat(browser.heading()).isEqualTo("Scale-up wave " + (year + 1));
            assertThat(browser.text()).contains("Planned", "Target 6, enrolled 0", (year + 1) + " · Scale-up");
            browser.shot("next-wave-planned");
        }
        assertThat(events.eventTypesOf(waveId))
                .containsSubsequence(
                        "EarlyEvaluationRequested",
                        "EarlyEvaluationApproved",
                        "ScaleUpRecommended",
                        "ScaleUpProposed",
                        "ProposalStageApproved",
                        "ProposalStageApproved",
                        "ProposalStageApproved",
                        "ScaleUpApproved");
    }

    /** Scrolls the part of the page the step is about into view, for its screenshot. */
    private static Browser showing(Browser browser, String selector) {
        browser.script("document.querySelector(arguments[0]).scrollIntoView()", selector);
        return browser;
    }

    /** One approver opens the stage's task from the wave's page and approves it with a comment. */
    private static void decide(Browser browser, String user, String wavePage, String stage, String comment) {
        browser.signOut().signIn(user).open(wavePage);
        browser.reloadUntil(stage);
        browser.follow(stage);
        assertThat(browser.heading()).startsWith(stage + ": ");
        assertThat(browser.text()).contains("Approval timeline", "Inputs of the decision table");
        browser.shot(user + "-" + stage.toLowerCase().replace(' ', '-'));
        browser.fill("Comment", comment).press("Approve").awaitText("Stage approved");
        browser.shot(user + "-approved");
    }
}
