package org.factorysharing.query.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.factorysharing.api.member.MemberQueries.FindMember;
import org.factorysharing.api.member.MemberQueries.FindMemberOfAccount;
import org.factorysharing.api.member.MemberQueries.FindMembers;
import org.factorysharing.api.member.MemberQueries.InformationRequestView;
import org.factorysharing.api.member.MemberQueries.MemberAccountView;
import org.factorysharing.api.member.MemberQueries.MemberPage;
import org.factorysharing.api.member.MemberQueries.MemberSort;
import org.factorysharing.api.member.MemberQueries.MemberSummaryView;
import org.factorysharing.api.member.MemberQueries.MemberView;
import org.factorysharing.api.member.MemberQueries.QualificationView;
import org.factorysharing.api.shared.ProgrammeTime;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers member queries from the member directory tables. */
@Component
class MemberQueryHandler {

    private final MemberEntryRepository members;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    MemberQueryHandler(MemberEntryRepository members, JdbcTemplate jdbc, Optional<Clock> clock) {
        this.members = members;
        this.jdbc = jdbc;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<MemberAccountView> handle(FindMemberOfAccount query) {
        return jdbc
                .query(
                        "SELECT user_id, member_id FROM member_account WHERE user_id = ?",
                        (row, i) -> new MemberAccountView(row.getString("user_id"), row.getString("member_id")),
                        query.userId())
                .stream()
                .findFirst();
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public MemberPage handle(FindMembers query) {
        Sort.Direction direction = query.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        String property = switch (query.sort() == null ? MemberSort.REGISTERED_AT : query.sort()) {
            case BUSINESS_NAME -> "businessName";
            case REGISTERED_AT -> "registeredAt";
            case PROVINCE -> "province";
            case STATUS -> "status";
        };
        // member id as tie-breaker keeps pages stable when many rows share the sort value
        Sort sort = Sort.by(direction, property).and(Sort.by("memberId"));
        Page<MemberEntry> page = members.findAll(filter(query), PageRequest.of(query.page(), query.size(), sort));
        return new MemberPage(
                page.getContent().stream().map(MemberQueryHandler::summary).toList(),
                query.page(),
                query.size(),
                page.getTotalElements(),
                page.getTotalPages());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<MemberView> handle(FindMember query) {
        LocalDate today = ProgrammeTime.dateOf(clock.instant());
        return members.findById(query.memberId().value()).map(entry -> detail(entry, today));
    }

    private static Specification<MemberEntry> filter(FindMembers query) {
        return (root, cq, cb) -> {
            List<jakarta.persistence.criteria.Predicate> where = new ArrayList<>();
            if (query.province() != null) {
                where.add(cb.equal(
                        cb.lower(root.get("province")), query.province().toLowerCase()));
            }
            if (query.sector() != null) {
                where.add(cb.equal(cb.lower(root.get("sector")), query.sector().toLowerCase()));
            }
            if (query.status() != null) {
                where.add(cb.equal(root.get("status"), query.status()));
            }
            if (query.memberIds() != null) {
                where.add(
                        query.memberIds().isEmpty()
                                ? cb.disjunction()
                                : root.get("memberId").in(query.memberIds()));
            }
            return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
    }

    private static MemberSummaryView summary(MemberEntry e) {
        return new MemberSummaryView(
                e.memberId, e.nib, e.businessName, e.sector, e.province, e.regency, e.scale, e.status, e.registeredAt);
    }

    private static MemberView detail(MemberEntry e, LocalDate today) {
        List<QualificationView> qualifications = e.qualifications.stream()
                .map(q -> new QualificationView(
                        q.machineType, q.expiresOn, today.isAfter(q.expiresOn), q.grantedBy, q.grantedAt))
                .toList();
        return new MemberView(
                e.memberId,
                e.nib,
                e.businessName,
                null,
                null,
                e.sector,
                e.province,
                e.regency,
                e.scale,
                null,
                null,
                e.status,
                e.statusReason,
                e.registeredAt,
                e.updatedAt,
                qualifications,
                e.informationState == null
                        ? null
                        : new InformationRequestView(
                                e.informationNote,
                                e.informationRequestedBy,
                                e.informationRequestedAt,
                                e.informationState,
                                e.informationClosedAt));
    }
}
