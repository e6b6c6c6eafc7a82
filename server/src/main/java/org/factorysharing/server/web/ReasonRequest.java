package org.factorysharing.server.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of every action that needs a reason in words (suspend, decommission, cancel, maintenance, ...). */
public record ReasonRequest(
        @NotBlank @PlainText @Size(max = 1000) String reason) {}
