package org.factorysharing.server.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of every action that needs a reason in words (suspend, decommission, cancel, maintenance, ...). */
public record ReasonRequest(
        @NotBlank @PlainText @Size(max = 1000) String reason) {

    /** An example for the API documentation; a test checks that it is valid. */
    static final ReasonRequest EXAMPLE = new ReasonRequest("Izin usaha (NIB) dicabut oleh OSS");
}
