package org.factorysharing.privacy;

import javax.crypto.SecretKey;

/** The data keys of data subjects, as the serializer needs them (the key table, or a map in unit tests). */
interface SubjectKeys {

    /** A subject's key, or none; {@code forgotten} says whether it was deleted on purpose. */
    record Lookup(SecretKey key, boolean forgotten) {}

    /** The key to encrypt with, created on first use; null once the subject's data are forgotten. */
    SecretKey keyForWriting(String subject);

    Lookup lookup(String subject);
}
