package org.factorysharing.workflows.member;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.member.MemberCommands.ExpireInformationRequest;
import org.factorysharing.api.member.MemberId;
import org.springframework.stereotype.Component;

/**
 * The applicant did not answer in time: the request is closed on the member (ExpireInformationRequest, in the engine's
 * transaction) and the application goes back to the officers, marked so that they see why.
 */
@Component("expireInformationRequestDelegate")
class ExpireInformationRequestDelegate implements JavaDelegate {

    private final CommandGateway commands;

    ExpireInformationRequestDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new ExpireInformationRequest(new MemberId(execution.getProcessBusinessKey())));
        execution.setVariable(MemberOnboardingProcess.MEMBER_SILENT, true);
    }
}
