package org.factorysharing.api.region;

/** How well a region suits a commodity: a score from 0 to 100 and where the figure comes from. */
public record CommodityPotential(String commodityCode, int score, String sourceNote) {}
