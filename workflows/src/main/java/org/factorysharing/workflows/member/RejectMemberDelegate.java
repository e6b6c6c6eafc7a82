package org.factorysharing.workflows.member;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.member.MemberCommands.RejectMember;
import org.factorysharing.api.member.MemberId;
import org.springframework.stereotype.Component;

/** Sends RejectMember with the officer's reason, in the engine's transaction. */
@Component("rejectMemberDelegate")
class RejectMemberDelegate implements JavaDelegate {

    private final CommandGateway commands;

    RejectMemberDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new RejectMember(
                new MemberId(execution.getProcessBusinessKey()),
                (String) execution.getVariable(MemberOnboardingProcess.REJECTION_REASON),
                (String) execution.getVariable(MemberOnboardingProcess.DECIDED_BY)));
    }
}
