-- Regions reference list and their commodity potentials, fed by RegionProjection (processing group region-potential).
CREATE TABLE region_reference (
    region_id     VARCHAR(250)  PRIMARY KEY,
    province      VARCHAR(100)  NOT NULL,
    province_code VARCHAR(120)  NOT NULL,
    regency       VARCHAR(100)  NOT NULL,
    data_source   VARCHAR(200)  NOT NULL
);
CREATE INDEX region_reference_province_idx ON region_reference (province_code, regency);

CREATE TABLE region_potential (
    region_id      VARCHAR(250)  NOT NULL REFERENCES region_reference (region_id) ON DELETE CASCADE,
    commodity_code VARCHAR(120)  NOT NULL,
    score          INTEGER       NOT NULL,
    source_note    VARCHAR(1000) NOT NULL,
    updated_by     VARCHAR(100),
    updated_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (region_id, commodity_code)
);
CREATE INDEX region_potential_commodity_idx ON region_potential (commodity_code, score DESC);
