package org.factorysharing.workflows.member;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberId;
import org.springframework.stereotype.Component;

/** Sends VerifyMember in the engine's transaction: the event and the process step commit together. */
@Component("verifyMemberDelegate")
class VerifyMemberDelegate implements JavaDelegate {

    private final CommandGateway commands;

    VerifyMemberDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new VerifyMember(new MemberId(execution.getProcessBusinessKey()), (String)
                execution.getVariable(MemberOnboardingProcess.DECIDED_BY)));
    }
}
