package org.factorysharing.query.factory;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface FactoryEntryRepository extends JpaRepository<FactoryEntry, String>, JpaSpecificationExecutor<FactoryEntry> {}
