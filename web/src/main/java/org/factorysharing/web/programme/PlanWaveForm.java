package org.factorysharing.web.programme;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.WaveKind;

/**
 * The officer's plan of a wave, as the API's PlanWaveRequest takes it; the rates are whole percentages here (60 for
 * 60 %), so that a person never types a fraction, and become fractions for the command.
 */
public class PlanWaveForm {

    @NotBlank
    @Size(max = 200)
    private String name;

    @NotNull
    private Integer year;

    @NotNull
    private WaveKind kind = WaveKind.PILOT;

    @NotNull
    @Min(1)
    @Max(10_000)
    private Integer targetFactories;

    @NotNull
    @Min(1)
    @Max(60)
    private Integer pilotMonths;

    @NotNull
    @Min(0)
    @Max(100)
    private Integer minUtilisationPercent;

    @NotNull
    @Min(0)
    @Max(1_000_000)
    private Integer minMembersServed;

    @NotNull
    @Min(0)
    @Max(1_000_000)
    private Integer minJobsCompleted;

    @NotNull
    @Min(0)
    @Max(1_000_000_000)
    private Long minOutputUnits;

    @NotNull
    @Min(0)
    @Max(100)
    private Integer minQualityPassRatePercent;

    KpiThresholds thresholds() {
        return new KpiThresholds(
                minUtilisationPercent / 100.0,
                minMembersServed,
                minJobsCompleted,
                minOutputUnits,
                minQualityPassRatePercent / 100.0);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public WaveKind getKind() {
        return kind;
    }

    public void setKind(WaveKind kind) {
        this.kind = kind;
    }

    public Integer getTargetFactories() {
        return targetFactories;
    }

    public void setTargetFactories(Integer targetFactories) {
        this.targetFactories = targetFactories;
    }

    public Integer getPilotMonths() {
        return pilotMonths;
    }

    public void setPilotMonths(Integer pilotMonths) {
        this.pilotMonths = pilotMonths;
    }

    public Integer getMinUtilisationPercent() {
        return minUtilisationPercent;
    }

    public void setMinUtilisationPercent(Integer minUtilisationPercent) {
        this.minUtilisationPercent = minUtilisationPercent;
    }

    public Integer getMinMembersServed() {
        return minMembersServed;
    }

    public void setMinMembersServed(Integer minMembersServed) {
        this.minMembersServed = minMembersServed;
    }

    public Integer getMinJobsCompleted() {
        return minJobsCompleted;
    }

    public void setMinJobsCompleted(Integer minJobsCompleted) {
        this.minJobsCompleted = minJobsCompleted;
    }

    public Long getMinOutputUnits() {
        return minOutputUnits;
    }

    public void setMinOutputUnits(Long minOutputUnits) {
        this.minOutputUnits = minOutputUnits;
    }

    public Integer getMinQualityPassRatePercent() {
        return minQualityPassRatePercent;
    }

    public void setMinQualityPassRatePercent(Integer minQualityPassRatePercent) {
        this.minQualityPassRatePercent = minQualityPassRatePercent;
    }
}
