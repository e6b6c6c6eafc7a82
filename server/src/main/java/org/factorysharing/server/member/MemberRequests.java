package org.factorysharing.server.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.factorysharing.api.member.BusinessScale;

/** Request bodies of the member API; Bean Validation names each bad field in the 400 answer. */
final class MemberRequests {

    private MemberRequests() {
    }

    record RegisterMemberRequest(
            @NotNull @Pattern(regexp = "\\d{13}", message = "must be 13 digits") String nib,
            @NotBlank @Size(max = 200) String businessName,
            @NotBlank @Size(max = 200) String ownerName,
            @NotNull @Pattern(regexp = "\\d{16}", message = "must be 16 digits") String ownerNik,
            @NotBlank @Size(max = 100) String sector,
            @NotBlank @Size(max = 100) String province,
            @NotBlank @Size(max = 100) String regency,
            @NotNull BusinessScale scale,
            @Pattern(regexp = "\\+?[0-9 -]{6,20}", message = "must be a phone number") String contactPhone,
            @Email @Size(max = 254) String contactEmail) {
    }

    record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record GrantQualificationRequest(@NotNull @Future LocalDate expiresOn) {
    }
}
