package org.factorysharing.query.member;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface MemberEntryRepository extends JpaRepository<MemberEntry, String>, JpaSpecificationExecutor<MemberEntry> {}
