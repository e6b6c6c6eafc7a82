package org.factorysharing.api.member;

/** Size class of an MSME under Indonesian law (PP 7/2021): micro, small or medium. */
public enum BusinessScale {
    MICRO,
    SMALL,
    MEDIUM
}
