package org.factorysharing.query.factory;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface FactoryEntryRepository extends JpaRepository<FactoryEntry, String>, JpaSpecificationExecutor<FactoryEntry> {

    @Query("SELECT DISTINCT f.province FROM FactoryEntry f ORDER BY f.province")
    List<String> provinces();

    @Query("SELECT DISTINCT f.commodityCode FROM FactoryEntry f ORDER BY f.commodityCode")
    List<String> commodityCodes();
}
