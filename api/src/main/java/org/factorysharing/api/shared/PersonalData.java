package org.factorysharing.api.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text component of an event as personal data of the event's {@link DataSubject}: it is stored
 * encrypted with that subject's key and reads as {@link #FORGOTTEN} once the subject's data are forgotten.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {

    /** What a personal field reads as after its subject's key was deleted, everywhere (events, views, exports). */
    String FORGOTTEN = "[forgotten]";
}
