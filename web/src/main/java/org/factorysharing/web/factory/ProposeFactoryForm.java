package org.factorysharing.web.factory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.factorysharing.api.shared.TextRules;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The proposal of a factory as an officer fills it in: the region from the reference list and a commodity that region
 * has a potential for (never free text: a wave enrols a factory only where its commodity has a potential), the
 * machines planned in a few rows (empty rows are left out), and the day installation is due.
 */
public class ProposeFactoryForm {

    /** Rows offered for planned machines; more can be installed later. */
    static final int MACHINE_ROWS = 4;

    @NotBlank
    @Size(max = 200)
    @Pattern(regexp = TextRules.PLAIN)
    private String name;

    @NotBlank
    @Size(max = 200)
    private String regionId;

    @NotBlank
    @Size(max = 64)
    private String commodity;

    @NotBlank
    @Size(max = 200)
    @Pattern(regexp = TextRules.PLAIN)
    private String operator;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate installationDueOn;

    private List<MachineRow> machines = new ArrayList<>();

    public ProposeFactoryForm() {
        while (machines.size() < MACHINE_ROWS) {
            machines.add(new MachineRow());
        }
    }

    /** One planned machine; a row left empty is no machine. */
    public static class MachineRow {

        private String machineId;
        private String machineType;
        private Integer capacityHoursPerDay;

        public boolean isEmpty() {
            return blank(machineId) && blank(machineType) && capacityHoursPerDay == null;
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }

        public String getMachineId() {
            return machineId;
        }

        public void setMachineId(String machineId) {
            this.machineId = machineId;
        }

        public String getMachineType() {
            return machineType;
        }

        public void setMachineType(String machineType) {
            this.machineType = machineType;
        }

        public Integer getCapacityHoursPerDay() {
            return capacityHoursPerDay;
        }

        public void setCapacityHoursPerDay(Integer capacityHoursPerDay) {
            this.capacityHoursPerDay = capacityHoursPerDay;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRegionId() {
        return regionId;
    }

    public void setRegionId(String regionId) {
        this.regionId = regionId;
    }

    public String getCommodity() {
        return commodity;
    }

    public void setCommodity(String commodity) {
        this.commodity = commodity;
    }

    public String getOperator() {
        return operator;
    }

    public void setOperator(String operator) {
        this.operator = operator;
    }

    public LocalDate getInstallationDueOn() {
        return installationDueOn;
    }

    public void setInstallationDueOn(LocalDate installationDueOn) {
        this.installationDueOn = installationDueOn;
    }

    public List<MachineRow> getMachines() {
        return machines;
    }

    public void setMachines(List<MachineRow> machines) {
        this.machines = machines;
    }
}
