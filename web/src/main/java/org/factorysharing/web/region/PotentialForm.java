package org.factorysharing.web.region;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An officer's figure for a commodity in a region: a score from 0 to 100 and where it comes from. */
public class PotentialForm {

    @NotBlank
    @Size(max = 120)
    private String commodity;

    @NotNull
    @Min(0)
    @Max(100)
    private Integer score;

    @NotBlank
    @Size(max = 1000)
    private String sourceNote;

    public String getCommodity() {
        return commodity;
    }

    public void setCommodity(String commodity) {
        this.commodity = commodity;
    }

    public Integer getScore() {
        return score;
    }

    public void setScore(Integer score) {
        this.score = score;
    }

    public String getSourceNote() {
        return sourceNote;
    }

    public void setSourceNote(String sourceNote) {
        this.sourceNote = sourceNote;
    }
}
