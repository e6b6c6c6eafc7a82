package org.factorysharing.workflows.member;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of member_onboarding read by its expressions ({@code ${memberOnboardingSettings.answerPeriod}}): how long
 * an applicant has to answer a request for more information (fs.members.information-answer-period, an ISO-8601
 * duration such as P14D) before the application goes back to the officers without the answer. Read when the wait
 * starts: a change applies to requests made after it.
 */
@Component("memberOnboardingSettings")
public class MemberOnboardingSettings {

    private final String text;
    private final Duration answerPeriod;

    MemberOnboardingSettings(@Value("${fs.members.information-answer-period}") String answerPeriod) {
        this.text = answerPeriod.strip();
        try {
            this.answerPeriod = Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(
                    "fs.members.information-answer-period must be an ISO-8601 duration such as P14D, not " + text, e);
        }
        if (this.answerPeriod.isNegative() || this.answerPeriod.isZero()) {
            throw new IllegalStateException(
                    "fs.members.information-answer-period must be a positive duration, not " + text);
        }
    }

    /** The period as the engine's timer reads it (ISO-8601, as configured). */
    public String getAnswerPeriod() {
        return text;
    }

    public Duration answerPeriod() {
        return answerPeriod;
    }
}
