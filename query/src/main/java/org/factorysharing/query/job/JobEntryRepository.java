package org.factorysharing.query.job;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface JobEntryRepository extends JpaRepository<JobEntry, String>, JpaSpecificationExecutor<JobEntry> {}
