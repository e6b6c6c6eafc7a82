package org.factorysharing.server.factory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.server.web.MachineTypeCode;
import org.factorysharing.server.web.PlainText;
import org.factorysharing.server.web.ProgrammeDate;

/** Request bodies of the factory API; Bean Validation names each bad field in the 400 answer. */
final class FactoryRequests {

    /** Machine ids appear in URLs (/machines/{machineId}/maintenance), so they are kept URL-safe. */
    static final String MACHINE_ID = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    static final String MACHINE_ID_MESSAGE = "must be 1-64 letters, digits, '_', '.' or '-'";

    private FactoryRequests() {}

    /** installationDueOn must lie after today in the programme's calendar; checked by the controller. */
    record ProposeFactoryRequest(
            @NotBlank @PlainText @Size(max = 200) String name,
            @NotBlank @PlainText @Size(max = 100) String province,
            @NotBlank @PlainText @Size(max = 100) String regency,
            @NotBlank @PlainText @Size(max = 100) String commodity,
            @NotBlank @PlainText @Size(max = 200) String operator,
            @NotEmpty @Size(max = 100) List<@NotNull @Valid MachineRequest> plannedMachines,
            @NotNull @ProgrammeDate LocalDate installationDueOn) {
        /** An example for the API documentation; a test checks that it is valid. */
        static final ProposeFactoryRequest EXAMPLE = new ProposeFactoryRequest(
                "Rumah Produksi Bersama Kelapa Minahasa",
                "Sulawesi Utara",
                "Minahasa",
                "Coconut",
                "Koperasi Produsen Kelapa Minahasa",
                List.of(MachineRequest.EXAMPLE),
                LocalDate.now().plusMonths(3));
    }

    /** A machine planned in a proposal or installed directly. */
    record MachineRequest(
            @NotNull @Pattern(regexp = MACHINE_ID, message = MACHINE_ID_MESSAGE)
            String machineId,

            @NotNull @MachineTypeCode String machineType,
            @Min(1) @Max(24) int capacityHoursPerDay) {
        /** An example for the API documentation; a test checks that it is valid. */
        static final MachineRequest EXAMPLE = new MachineRequest("PRESS-1", "COCONUT_OIL_PRESS", 8);

        MachinePlan toPlan() {
            return new MachinePlan(machineId, machineType, capacityHoursPerDay);
        }
    }
}
