package org.factorysharing.web.staff;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.factorysharing.api.shared.TextRules;

/** What a staff task asks, by kind: resolution notes, the units of a run, the quality decision's notes. */
public class StaffTaskForm {

    @Size(max = 2000)
    @Pattern(regexp = TextRules.PLAIN)
    private String resolutionNotes;

    @Min(0)
    @Max(Integer.MAX_VALUE)
    private Integer goodUnits;

    @Min(0)
    @Max(Integer.MAX_VALUE)
    private Integer rejectedUnits;

    @Size(max = 1000)
    @Pattern(regexp = TextRules.PLAIN)
    private String notes;

    public String getResolutionNotes() {
        return resolutionNotes;
    }

    public void setResolutionNotes(String resolutionNotes) {
        this.resolutionNotes = resolutionNotes;
    }

    public Integer getGoodUnits() {
        return goodUnits;
    }

    public void setGoodUnits(Integer goodUnits) {
        this.goodUnits = goodUnits;
    }

    public Integer getRejectedUnits() {
        return rejectedUnits;
    }

    public void setRejectedUnits(Integer rejectedUnits) {
        this.rejectedUnits = rejectedUnits;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
