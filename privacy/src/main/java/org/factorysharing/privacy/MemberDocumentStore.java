package org.factorysharing.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.factorysharing.api.member.DocumentKind;
import org.factorysharing.api.member.MemberDocumentVault;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.member.MemberQueries.FindMemberDocument;
import org.factorysharing.api.member.MemberQueries.FindMemberDocuments;
import org.factorysharing.api.member.MemberQueries.FindMemberOfAccount;
import org.factorysharing.api.member.MemberQueries.MemberAccountView;
import org.factorysharing.api.member.MemberQueries.MemberDocumentContent;
import org.factorysharing.api.member.MemberQueries.MemberDocumentView;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.api.shared.PersonalData;
import org.factorysharing.privacy.SubjectKeys.Lookup;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Members' documents at rest (table {@code member_document}): the file name and the content are encrypted with the
 * member's personal-data key (AES-256-GCM, bound to the member, the document and the column), so that forgetting the
 * member's personal data makes them unreadable; the forget also empties both columns (see PersonalDataShredder). The
 * command side writes through {@link MemberDocumentVault} in the attaching command's transaction; people read
 * through the queries here, decrypted as they are read, and only officers, supervisors, auditors and the member's
 * own login may (another member's login is answered as if the member did not exist; admins keep the system running
 * and are refused).
 */
class MemberDocumentStore implements MemberDocumentVault {

    private static final List<String> READERS = List.of(Groups.OFFICERS, Groups.SUPERVISORS, Groups.AUDITORS);

    private final JdbcTemplate jdbc;
    private final PersonalDataKeys keys;
    private final QueryGateway queries;

    MemberDocumentStore(DataSource dataSource, PersonalDataKeys keys, QueryGateway queries) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.keys = keys;
        this.queries = queries;
    }

    @Override
    public void store(StoredDocument document, byte[] content) {
        String member = document.memberId().value();
        SecretKey key = keys.keyForWriting(member);
        if (key == null) {
            throw new BusinessRuleViolation(
                    "member.personal-data-forgotten",
                    "the member's personal data are forgotten: no document can be kept for it any more");
        }
        jdbc.update(
                """
                INSERT INTO member_document (member_id, document_id, kind, content_type, size_bytes, sha256, file_name,
                                             content, attached_by, attached_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (member_id, document_id) DO NOTHING""",
                member,
                document.documentId(),
                document.kind().name(),
                document.format().contentType(),
                document.size(),
                document.sha256(),
                PersonalDataCipher.encryptBytes(
                        document.fileName().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        key,
                        context(member, document.documentId(), "file_name")),
                PersonalDataCipher.encryptBytes(content, key, context(member, document.documentId(), "content")),
                document.attachedBy());
    }

    /** Empties the names and contents of a member's documents, in the forgetting command's transaction. */
    void forget(String member) {
        jdbc.update("""
                UPDATE member_document SET file_name = NULL, content = NULL, forgotten_at = now()
                WHERE member_id = ? AND forgotten_at IS NULL""", member);
    }

    @QueryHandler
    List<MemberDocumentView> documents(FindMemberDocuments query) {
        requireReader(query.memberId(), query.userId(), query.groups());
        String member = query.memberId().value();
        Lookup key = keys.lookup(member);
        return jdbc.query("""
                SELECT document_id, kind, content_type, size_bytes, sha256, file_name, attached_by, attached_at,
                       forgotten_at
                FROM member_document WHERE member_id = ? ORDER BY attached_at, document_id""", (rs, row) -> view(rs, member, key), member);
    }

    @QueryHandler
    Optional<MemberDocumentContent> document(FindMemberDocument query) {
        requireReader(query.memberId(), query.userId(), query.groups());
        String member = query.memberId().value();
        Lookup key = keys.lookup(member);
        return jdbc
                .query(
                        """
                        SELECT document_id, kind, content_type, size_bytes, sha256, file_name, attached_by,
                               attached_at, forgotten_at, content
                        FROM member_document WHERE member_id = ? AND document_id = ?""",
                        (rs, row) -> {
                            MemberDocumentView view = view(rs, member, key);
                            byte[] sealed = rs.getBytes("content");
                            if (view.forgotten() || sealed == null) {
                                return null;
                            }
                            return new MemberDocumentContent(
                                    view,
                                    PersonalDataCipher.decryptBytes(
                                            sealed, key.key(), context(member, view.documentId(), "content")));
                        },
                        member,
                        query.documentId())
                .stream()
                .filter(content -> content != null)
                .findFirst();
    }

    private static MemberDocumentView view(ResultSet rs, String member, Lookup key) throws SQLException {
        String documentId = rs.getString("document_id");
        byte[] sealedName = rs.getBytes("file_name");
        boolean forgotten = rs.getTimestamp("forgotten_at") != null || key.key() == null || sealedName == null;
        String fileName = forgotten
                ? PersonalData.FORGOTTEN
                : new String(
                        PersonalDataCipher.decryptBytes(
                                sealedName, key.key(), context(member, documentId, "file_name")),
                        java.nio.charset.StandardCharsets.UTF_8);
        Timestamp attachedAt = rs.getTimestamp("attached_at");
        return new MemberDocumentView(
                documentId,
                DocumentKind.valueOf(rs.getString("kind")),
                fileName,
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getString("attached_by"),
                attachedAt.toInstant(),
                forgotten);
    }

    /** Officers, supervisors and auditors read every member's documents; a member's login its own member's only. */
    private void requireReader(MemberId memberId, String userId, List<String> groups) {
        List<String> of = groups == null ? List.of() : groups;
        if (READERS.stream().anyMatch(of::contains)) {
            return;
        }
        if (userId != null && Groups.actsOnlyForOwnMember(of)) {
            boolean own = queries.query(
                            new FindMemberOfAccount(userId), ResponseTypes.optionalInstanceOf(MemberAccountView.class))
                    .join()
                    .filter(account -> account.memberId().equals(memberId.value()))
                    .isPresent();
            if (own) {
                return;
            }
            throw new NotFound("member " + memberId);
        }
        throw new NotPermitted("members' documents are read by officers, supervisors, auditors and the member itself");
    }

    /** What a ciphertext is bound to: a name or content copied to another document or member fails to decrypt. */
    private static String context(String member, String documentId, String column) {
        return "member_document/" + member + "/" + documentId + "/" + column;
    }
}
