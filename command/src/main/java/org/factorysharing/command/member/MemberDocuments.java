package org.factorysharing.command.member;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.factorysharing.api.member.DocumentFormat;
import org.factorysharing.api.member.MemberCommands.AttachMemberDocument;
import org.factorysharing.api.member.MemberDocumentVault;
import org.factorysharing.api.member.MemberDocumentVault.StoredDocument;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.command.shared.Acting;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Attaches a document to a member's application: the aggregate decides and records the attachment (with the
 * content's SHA-256, never the content), then the vault keeps the content, encrypted, in the same transaction; a
 * refusal anywhere stores nothing.
 */
@Component
class MemberDocuments {

    private final Repository<Member> members;
    private final ObjectProvider<MemberDocumentVault> vault;

    MemberDocuments(
            @Qualifier("memberRepository") Repository<Member> members, ObjectProvider<MemberDocumentVault> vault) {
        this.members = members;
        this.vault = vault;
    }

    @CommandHandler
    public String handle(
            AttachMemberDocument cmd,
            @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @MetaDataValue(ActorMetaData.GROUPS) List<String> groups) {
        Aggregate<Member> member = members.load(cmd.memberId().value());
        Acting acting = Acting.of(userId, groups);
        var refusal = DocumentFormat.refusalOf(cmd.content());
        DocumentFormat format = DocumentFormat.of(cmd.content()).orElse(null);
        String sha256 = cmd.content() == null ? null : sha256(cmd.content());
        boolean added = member.invoke(m -> {
            // who may act for the member is told before anything about the upload
            m.requireMayAttach(acting);
            refusal.ifPresent(r -> {
                throw new InvalidField("content", r.reason());
            });
            return m.attachDocument(cmd, acting, format, sha256);
        });
        if (added) {
            MemberDocumentVault store = vault.getIfAvailable();
            if (store == null) {
                throw new IllegalStateException(
                        "no document vault: the privacy module is not part of this application");
            }
            store.store(
                    new StoredDocument(
                            cmd.memberId(),
                            cmd.documentId(),
                            cmd.kind(),
                            cmd.fileName().strip(),
                            format,
                            cmd.content().length,
                            sha256,
                            cmd.attachedBy().strip()),
                    cmd.content());
        }
        return cmd.documentId();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
