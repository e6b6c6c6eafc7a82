package org.factorysharing.server.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.member.DocumentFormat;
import org.factorysharing.api.member.DocumentKind;
import org.factorysharing.api.member.DocumentRefusal;
import org.factorysharing.api.member.MemberCommands.AttachMemberDocument;
import org.factorysharing.api.member.MemberCommands.ForgetMemberPersonalData;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.LinkMemberAccount;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.member.MemberCommands.ReinstateMember;
import org.factorysharing.api.member.MemberCommands.ResubmitMemberApplication;
import org.factorysharing.api.member.MemberCommands.RevokeQualification;
import org.factorysharing.api.member.MemberCommands.SuspendMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.member.MemberQueries.FindMember;
import org.factorysharing.api.member.MemberQueries.FindMemberDocument;
import org.factorysharing.api.member.MemberQueries.FindMemberDocuments;
import org.factorysharing.api.member.MemberQueries.FindMembers;
import org.factorysharing.api.member.MemberQueries.FindMembersByPersonalData;
import org.factorysharing.api.member.MemberQueries.FindPersonalData;
import org.factorysharing.api.member.MemberQueries.MemberDocumentContent;
import org.factorysharing.api.member.MemberQueries.MemberDocumentView;
import org.factorysharing.api.member.MemberQueries.MemberIds;
import org.factorysharing.api.member.MemberQueries.MemberPage;
import org.factorysharing.api.member.MemberQueries.MemberSort;
import org.factorysharing.api.member.MemberQueries.MemberView;
import org.factorysharing.api.member.MemberQueries.PersonalDataView;
import org.factorysharing.api.member.MemberQueries.PersonalField;
import org.factorysharing.api.member.MemberStatus;
import org.factorysharing.api.shared.IdentityQueries.FindUser;
import org.factorysharing.api.shared.IdentityQueries.UserView;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.server.member.MemberRequests.GrantQualificationRequest;
import org.factorysharing.server.member.MemberRequests.RegisterMemberRequest;
import org.factorysharing.server.web.MachineTypeCode;
import org.factorysharing.server.web.PlainText;
import org.factorysharing.server.web.ReasonRequest;
import org.factorysharing.web.member.DocumentResponses;
import org.factorysharing.web.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Members: apply, browse, suspend and reinstate, grant and revoke qualifications. Commands answer as
 * soon as the events are stored; the directory follows within moments (it is a projection).
 */
@RestController
@RequestMapping("/api/members")
@Validated
@Tag(name = "Members", description = "MSME members (UMKM) of the shared-factory programme")
class MemberController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    private final MemberPolicy policy;

    MemberController(CommandGateway commands, QueryGateway queries, MemberPolicy policy) {
        this.commands = commands;
        this.queries = queries;
        this.policy = policy;
    }

    @PostMapping
    @Operation(
            summary = "Register a member (starts onboarding)",
            description = "409 when the NIB is registered"
                    + " already, or when a member's login that already acts for a member applies again. A member's own"
                    + " login is linked to the member it registers.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<MemberCreated> register(
            @Valid @RequestBody RegisterMemberRequest request, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        // a member's login applies for itself: the member and the link are one command, one transaction
        MemberId memberId = MemberId.newId();
        commands.sendAndWait(new RegisterMember(
                memberId,
                request.nib(),
                request.businessName(),
                request.ownerName(),
                request.ownerNik(),
                request.sector(),
                request.province(),
                request.regency(),
                request.scale(),
                request.contactPhone(),
                request.contactEmail(),
                user.actsOnlyForOwnMember() ? user.id() : null));
        return ResponseEntity.created(URI.create("/api/members/" + memberId.value()))
                .body(new MemberCreated(memberId.value(), MemberStatus.APPLIED));
    }

    @GetMapping
    @Operation(
            summary = "Member directory: filter, page and sort",
            description = "nik, phone and email find the members whose owner has exactly that NIK, phone number or "
                    + "e-mail address (spaces, case and a leading +62 or 0 do not matter), through a blind index: "
                    + "the directory keeps no personal data in clear.")
    MemberPage list(
            @RequestParam(required = false) @PlainText @Size(max = 100) String province,
            @RequestParam(required = false) @PlainText @Size(max = 100) String sector,
            @RequestParam(required = false) MemberStatus status,
            @RequestParam(required = false) @Pattern(regexp = "\\d{16}", message = "must be 16 digits") String nik,
            @RequestParam(required = false) @PlainText @Size(max = 32) String phone,
            @RequestParam(required = false) @PlainText @Size(max = 254) String email,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            @RequestParam(defaultValue = "REGISTERED_AT") MemberSort sort,
            @RequestParam(defaultValue = "ASC") @Pattern(regexp = "ASC|DESC", message = "must be ASC or DESC")
                    String direction) {
        return queries.query(
                        new FindMembers(
                                blankToNull(province),
                                blankToNull(sector),
                                status,
                                page,
                                size,
                                sort,
                                "DESC".equals(direction),
                                foundByPersonalData(nik, phone, email)),
                        MemberPage.class)
                .join();
    }

    /** The members every given personal value finds (all of them must match), or null when none is given. */
    private List<String> foundByPersonalData(String nik, String phone, String email) {
        List<String> found = null;
        for (var search : List.of(
                Map.entry(PersonalField.NIK, Optional.ofNullable(blankToNull(nik))),
                Map.entry(PersonalField.PHONE, Optional.ofNullable(blankToNull(phone))),
                Map.entry(PersonalField.EMAIL, Optional.ofNullable(blankToNull(email))))) {
            if (search.getValue().isEmpty()) {
                continue;
            }
            List<String> members = queries.query(
                            new FindMembersByPersonalData(
                                    search.getKey(), search.getValue().get()),
                            MemberIds.class)
                    .join()
                    .memberIds();
            found = found == null
                    ? members
                    : found.stream().filter(members::contains).toList();
        }
        return found;
    }

    @GetMapping("/{memberId}")
    @Operation(summary = "Member detail with qualifications", description = "A member's login sees only its own.")
    MemberView get(@PathVariable String memberId, Authentication authentication) {
        Optional<MemberView> member = queries.query(
                        new FindMember(new MemberId(memberId)), ResponseTypes.optionalInstanceOf(MemberView.class))
                .join()
                .filter(view -> policy.maySee(CurrentUser.of(authentication), view.memberId()));
        // the personal data are read from the member's encrypted registration, never from a read model
        return member.map(view -> view.withPersonalData(queries.query(
                                new FindPersonalData(new MemberId(memberId)),
                                ResponseTypes.optionalInstanceOf(PersonalDataView.class))
                        .join()
                        .orElseThrow()))
                .orElseThrow(() -> new NotFound("member " + memberId));
    }

    @PutMapping("/{memberId}/accounts/{userId}")
    @Operation(
            summary = "Link a login to the member it acts for (officers)",
            description = "404 for an unknown member or login; 409 when the login acts for another member.")
    ResponseEntity<Void> linkAccount(
            @PathVariable String memberId,
            @PathVariable @PlainText @Size(max = 128) String userId,
            Authentication user) {
        if (queries.query(new FindUser(userId), ResponseTypes.optionalInstanceOf(UserView.class))
                .join()
                .isEmpty()) {
            throw new NotFound("user " + userId);
        }
        commands.sendAndWait(new LinkMemberAccount(new MemberId(memberId), userId, user.getName()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{memberId}/suspension")
    @Operation(summary = "Suspend a verified member")
    ResponseEntity<Void> suspend(
            @PathVariable String memberId, @Valid @RequestBody ReasonRequest request, Authentication user) {
        commands.sendAndWait(new SuspendMember(new MemberId(memberId), request.reason(), user.getName()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{memberId}/reinstatement")
    @Operation(summary = "Reinstate a suspended member")
    ResponseEntity<Void> reinstate(@PathVariable String memberId, Authentication user) {
        commands.sendAndWait(new ReinstateMember(new MemberId(memberId), user.getName()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{memberId}/qualifications/{machineType}")
    @Operation(summary = "Grant or renew a machine-type qualification")
    ResponseEntity<Void> grant(
            @PathVariable String memberId,
            @PathVariable @MachineTypeCode String machineType,
            @Valid @RequestBody GrantQualificationRequest request,
            Authentication user) {
        if (!request.expiresOn().isAfter(ProgrammeTime.dateOf(Instant.now()))) {
            throw new InvalidField("expiresOn", "must be after today (" + ProgrammeTime.ZONE + ")");
        }
        commands.sendAndWait(
                new GrantQualification(new MemberId(memberId), machineType, request.expiresOn(), user.getName()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{memberId}/qualifications/{machineType}/revocation")
    @Operation(summary = "Revoke a qualification")
    ResponseEntity<Void> revoke(
            @PathVariable String memberId,
            @PathVariable @MachineTypeCode String machineType,
            @Valid @RequestBody ReasonRequest request,
            Authentication user) {
        commands.sendAndWait(
                new RevokeQualification(new MemberId(memberId), machineType, request.reason(), user.getName()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{memberId}/personal-data")
    @Operation(
            summary = "Forget the owner's personal data (right to erasure)",
            description = "Deletes the member's"
                    + " key: the owner's name, NIK and contacts read as [forgotten] everywhere from then on. Officers,"
                    + " supervisors, admins, and the member's own login (404 for another member's). Repeat: 204.")
    ResponseEntity<Void> forgetPersonalData(
            @PathVariable String memberId, @Valid @RequestBody ReasonRequest request, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        // a member's login forgets only its own member: the aggregate decides, from the logins linked to it
        commands.sendAndWait(new ForgetMemberPersonalData(new MemberId(memberId), request.reason(), user.id()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{memberId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Hand in a document of the application (multipart: file, kind)",
            description = "The applicant's own login, or an officer for it, while the application is open (APPLIED)."
                    + " kind: NIB_CERTIFICATE, OWNER_ID_CARD or OTHER. The file must be a PDF, JPEG or PNG, judged by"
                    + " its content (magic bytes), not by its name or declared type, and at most 5 MB. 201 with the"
                    + " document's id, type, size and SHA-256; 400 naming the field (kind or file missing, file"
                    + " empty); 413 for more than 5 MB; 415 for another type; 404 for an unknown member (or another"
                    + " member's, for a member's login); 409 when the application is decided or the member's personal"
                    + " data are forgotten. The content is kept encrypted with the member's personal-data key.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Object> attachDocument(
            @PathVariable String memberId,
            @RequestParam(required = false) DocumentKind kind,
            @RequestPart(name = "file", required = false) MultipartFile file,
            Authentication authentication)
            throws IOException {
        if (kind == null) {
            throw new InvalidField("kind", "is required (NIB_CERTIFICATE, OWNER_ID_CARD or OTHER)");
        }
        if (file == null) {
            throw new InvalidField("file", "is required");
        }
        if (file.getSize() > DocumentFormat.MAX_BYTES) {
            return refused(HttpStatus.PAYLOAD_TOO_LARGE, DocumentRefusal.TOO_LARGE);
        }
        byte[] content = file.getBytes();
        Optional<DocumentRefusal> refusal = DocumentFormat.refusalOf(content);
        if (refusal.isPresent()) {
            return switch (refusal.get()) {
                case EMPTY -> throw new InvalidField("file", refusal.get().reason());
                case TOO_LARGE -> refused(HttpStatus.PAYLOAD_TOO_LARGE, refusal.get());
                case UNSUPPORTED_TYPE -> refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, refusal.get());
            };
        }
        DocumentFormat format = DocumentFormat.of(content).orElseThrow();
        String documentId = UUID.randomUUID().toString();
        CurrentUser user = CurrentUser.of(authentication);
        commands.sendAndWait(new AttachMemberDocument(
                new MemberId(memberId),
                documentId,
                kind,
                format.fileNameFor(file.getOriginalFilename()),
                content,
                user.id()));
        return ResponseEntity.created(URI.create("/api/members/" + memberId + "/documents/" + documentId))
                .body(new DocumentAttached(documentId, kind, format.contentType(), content.length, sha256Hex(content)));
    }

    @GetMapping("/{memberId}/documents")
    @Operation(
            summary = "The documents of a member's application (without their contents)",
            description = "Officers, supervisors and auditors; a member's login for its own member (404 for"
                    + " another's); admins are refused (403). A forgotten member's documents read as forgotten.")
    List<MemberDocumentView> documents(@PathVariable String memberId, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return queries.query(
                        new FindMemberDocuments(new MemberId(memberId), user.id(), user.groups()),
                        ResponseTypes.multipleInstancesOf(MemberDocumentView.class))
                .join();
    }

    @GetMapping("/{memberId}/documents/{documentId}")
    @Operation(
            summary = "A document's content, decrypted, inline",
            description = "Served with the type recognised from its content when it was handed in,"
                    + " Content-Disposition inline, X-Content-Type-Options nosniff and no caching. The same readers"
                    + " as the list; 404 for an unknown document, or one whose member's personal data are"
                    + " forgotten (its content is gone).")
    ResponseEntity<byte[]> document(
            @PathVariable String memberId, @PathVariable String documentId, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return queries.query(
                        new FindMemberDocument(new MemberId(memberId), documentId, user.id(), user.groups()),
                        ResponseTypes.optionalInstanceOf(MemberDocumentContent.class))
                .join()
                .map(DocumentResponses::inline)
                .orElseThrow(() -> new NotFound("document " + documentId));
    }

    @PostMapping("/{memberId}/resubmission")
    @Operation(
            summary = "Send the application back after adding what the officers asked for",
            description = "The applicant's own login (404 for another member's), or an officer for it. 409 when the"
                    + " officers asked for nothing (or the time to answer is over), or when no document was added"
                    + " since they asked. The onboarding process then returns to the officers' verification.")
    ResponseEntity<Void> resubmit(@PathVariable String memberId, Authentication authentication) {
        commands.sendAndWait(new ResubmitMemberApplication(
                new MemberId(memberId), CurrentUser.of(authentication).id()));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Object> refused(HttpStatus status, DocumentRefusal refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "file " + refusal.reason());
        problem.setTitle(status == HttpStatus.PAYLOAD_TOO_LARGE ? "Document too large" : "Unsupported document type");
        problem.setProperty("field", "file");
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String sha256Hex(byte[] content) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Answer to an attachment: the new document, as the event records it. */
    record DocumentAttached(String documentId, DocumentKind kind, String contentType, long size, String sha256) {}

    /** Answer to a registration: where the member lives and its first status. */
    record MemberCreated(String memberId, MemberStatus status) {}
}
