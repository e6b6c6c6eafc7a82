package org.factorysharing.workflows.member;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.member.MemberCommands.RequestMemberInformation;
import org.factorysharing.api.member.MemberId;
import org.springframework.stereotype.Component;

/**
 * Sends the officer's note to the applicant (RequestMemberInformation) in the engine's transaction, then clears the
 * decision so that the next round of "Verify documents" starts empty, on time and not escalated.
 */
@Component("requestMemberInformationDelegate")
class RequestMemberInformationDelegate implements JavaDelegate {

    private final CommandGateway commands;

    RequestMemberInformationDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new RequestMemberInformation(
                new MemberId(execution.getProcessBusinessKey()),
                (String) execution.getVariable(MemberOnboardingProcess.INFORMATION_REQUEST),
                (String) execution.getVariable(MemberOnboardingProcess.DECIDED_BY)));
        Object rounds = execution.getVariable(MemberOnboardingProcess.INFORMATION_ROUNDS);
        execution.setVariable(MemberOnboardingProcess.INFORMATION_ROUNDS, rounds instanceof Integer n ? n + 1 : 1);
        execution.removeVariable(MemberOnboardingProcess.APPROVED);
        execution.removeVariable(MemberOnboardingProcess.REJECTION_REASON);
        execution.removeVariable(MemberOnboardingProcess.INFORMATION_REQUEST);
        execution.removeVariable(MemberOnboardingProcess.INFORMATION_REQUESTED);
        execution.removeVariable(MemberOnboardingProcess.DECIDED_BY);
        execution.setVariable(MemberOnboardingProcess.ESCALATED, false);
        execution.setVariable(MemberOnboardingProcess.MEMBER_SILENT, false);
    }
}
