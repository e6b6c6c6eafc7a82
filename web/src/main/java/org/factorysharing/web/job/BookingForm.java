package org.factorysharing.web.job;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.factorysharing.api.shared.TextRules;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A booking of machine time: whole machine-hours of a machine type in a factory, between the earliest start and the
 * deadline (both inclusive), for a product and quantity. A member's login books for its own member (carried in the
 * form; the command side refuses any other).
 */
public class BookingForm {

    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = TextRules.PLAIN)
    private String memberId;

    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = TextRules.PLAIN)
    private String factoryId;

    @NotBlank
    @Size(max = 64)
    private String machineType;

    @NotBlank
    @Size(max = 200)
    @Pattern(regexp = TextRules.PLAIN)
    private String product;

    @NotNull
    @Min(1)
    @Max(1_000_000_000)
    private Integer quantity;

    @NotNull
    @Min(1)
    @Max(10_000)
    private Integer machineHours;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate earliestStart;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate deadline;

    public String getMemberId() {
        return memberId;
    }

    public void setMemberId(String memberId) {
        this.memberId = memberId;
    }

    public String getFactoryId() {
        return factoryId;
    }

    public void setFactoryId(String factoryId) {
        this.factoryId = factoryId;
    }

    public String getMachineType() {
        return machineType;
    }

    public void setMachineType(String machineType) {
        this.machineType = machineType;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public Integer getMachineHours() {
        return machineHours;
    }

    public void setMachineHours(Integer machineHours) {
        this.machineHours = machineHours;
    }

    public LocalDate getEarliestStart() {
        return earliestStart;
    }

    public void setEarliestStart(LocalDate earliestStart) {
        this.earliestStart = earliestStart;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public void setDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }
}
