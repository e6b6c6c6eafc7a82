package org.factorysharing.api.member;

/** What a document of a member's application is: its NIB certificate, the owner's identity card (KTP), or other. */
public enum DocumentKind {
    NIB_CERTIFICATE,
    OWNER_ID_CARD,
    OTHER
}
