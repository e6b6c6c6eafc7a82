package org.factorysharing.server.job;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.factorysharing.server.web.MachineTypeCode;
import org.factorysharing.server.web.PlainText;
import org.factorysharing.server.web.ProgrammeDate;

/** Request bodies of the job API; Bean Validation names each bad field in the 400 answer. */
final class JobRequests {

    private JobRequests() {}

    /**
     * Whole machine-hours on a machine type between two days (inclusive). earliestStart must be today or later
     * and the deadline at most 366 days after it, in the programme's calendar; checked by the controller.
     */
    record RequestJobRequest(
            @NotBlank @PlainText @Size(max = 100) String memberId,
            @NotBlank @PlainText @Size(max = 100) String factoryId,
            @NotNull @MachineTypeCode String machineType,
            @NotBlank @PlainText @Size(max = 200) String product,
            @Min(1) int quantity,
            @Min(1) @Max(10_000) int machineHours,
            @NotNull @ProgrammeDate LocalDate earliestStart,
            @NotNull @ProgrammeDate LocalDate deadline) {
        /** An example for the API documentation; a test checks that it is valid. */
        static final RequestJobRequest EXAMPLE = new RequestJobRequest(
                "0b6a3c1e-5d0f-4c1e-9b7a-2f1d3e4c5a60",
                "7d2e9f10-3a4b-4c5d-8e6f-a1b2c3d4e5f6",
                "COCONUT_OIL_PRESS",
                "Minyak kelapa murni 1 L",
                500,
                16,
                LocalDate.now().plusDays(7),
                LocalDate.now().plusDays(30));
    }
}
