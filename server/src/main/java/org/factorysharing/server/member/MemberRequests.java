package org.factorysharing.server.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.factorysharing.api.member.BusinessScale;
import org.factorysharing.server.web.PlainText;
import org.factorysharing.server.web.ProgrammeDate;

/** Request bodies of the member API; Bean Validation names each bad field in the 400 answer. */
final class MemberRequests {

    private MemberRequests() {}

    record RegisterMemberRequest(
            @NotNull @Pattern(regexp = "\\d{13}", message = "must be 13 digits")
            String nib,

            @NotBlank @PlainText @Size(max = 200) String businessName,
            @NotBlank @PlainText @Size(max = 200) String ownerName,

            @NotNull @Pattern(regexp = "\\d{16}", message = "must be 16 digits")
            String ownerNik,

            @NotBlank @PlainText @Size(max = 100) String sector,
            @NotBlank @PlainText @Size(max = 100) String province,
            @NotBlank @PlainText @Size(max = 100) String regency,
            @NotNull BusinessScale scale,

            @Pattern(regexp = "\\+?[0-9 -]{6,20}", message = "must be a phone number")
            String contactPhone,

            @Email @PlainText @Size(max = 254) String contactEmail) {
        /** An example for the API documentation; a test checks that it is valid. */
        static final RegisterMemberRequest EXAMPLE = new RegisterMemberRequest(
                "9120001234567",
                "UD Kelapa Murni Minahasa",
                "Maria Wenas",
                "7102014505800003",
                "Pengolahan kelapa",
                "Sulawesi Utara",
                "Minahasa",
                BusinessScale.MICRO,
                "+62 812 4455 6677",
                "maria@kelapamurni.co.id");
    }

    /** expiresOn must lie after today in the programme's calendar; checked by the controller (see ProgrammeTime). */
    record GrantQualificationRequest(@NotNull @ProgrammeDate LocalDate expiresOn) {
        /** An example for the API documentation; a test checks that it is valid. */
        static final GrantQualificationRequest EXAMPLE =
                new GrantQualificationRequest(LocalDate.now().plusYears(1));
    }
}
