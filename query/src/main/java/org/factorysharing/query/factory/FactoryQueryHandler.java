package org.factorysharing.query.factory;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.factorysharing.api.factory.FactoryQueries.FactoryPage;
import org.factorysharing.api.factory.FactoryQueries.FactorySummaryView;
import org.factorysharing.api.factory.FactoryQueries.FactoryView;
import org.factorysharing.api.factory.FactoryQueries.FindFactories;
import org.factorysharing.api.factory.FactoryQueries.FindFactory;
import org.factorysharing.api.factory.FactoryQueries.FindRegistryFacets;
import org.factorysharing.api.factory.FactoryQueries.InspectionView;
import org.factorysharing.api.factory.FactoryQueries.MachineView;
import org.factorysharing.api.factory.FactoryQueries.RegistryFacetsView;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the factory registry queries from the registry tables. */
@Component
class FactoryQueryHandler {

    private final FactoryEntryRepository factories;

    FactoryQueryHandler(FactoryEntryRepository factories) {
        this.factories = factories;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public FactoryPage handle(FindFactories query) {
        // factory id as tie-breaker keeps pages stable when names repeat
        Sort sort = Sort.by("name").and(Sort.by("factoryId"));
        Page<FactoryEntry> page = factories.findAll(filter(query), PageRequest.of(query.page(), query.size(), sort));
        return new FactoryPage(
                page.getContent().stream().map(FactoryQueryHandler::summary).toList(),
                query.page(),
                query.size(),
                page.getTotalElements(),
                page.getTotalPages());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public RegistryFacetsView handle(FindRegistryFacets query) {
        return new RegistryFacetsView(factories.provinces(), factories.commodityCodes());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<FactoryView> handle(FindFactory query) {
        return factories.findById(query.factoryId().value()).map(FactoryQueryHandler::detail);
    }

    private static Specification<FactoryEntry> filter(FindFactories query) {
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.status() != null) {
                where.add(cb.equal(root.get("status"), query.status()));
            }
            if (query.province() != null) {
                where.add(cb.equal(
                        cb.lower(root.get("province")), query.province().toLowerCase()));
            }
            if (query.commodityCode() != null) {
                where.add(cb.equal(
                        cb.lower(root.get("commodityCode")),
                        query.commodityCode().toLowerCase()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static FactorySummaryView summary(FactoryEntry e) {
        return new FactorySummaryView(
                e.factoryId,
                e.name,
                e.province,
                e.regency,
                e.commodity,
                e.commodityCode,
                e.operator,
                e.status,
                e.installedMachines,
                e.capacityHoursPerDay,
                e.proposedAt);
    }

    private static FactoryView detail(FactoryEntry e) {
        InspectionView inspection = e.inspectionPassed == null
                ? null
                : new InspectionView(e.inspectionPassed, e.inspectionFindings, e.inspectedBy, e.inspectedAt);
        List<MachineView> machines = e.machines.stream()
                .map(m -> new MachineView(
                        m.machineId,
                        m.machineType,
                        m.capacityHoursPerDay,
                        m.status,
                        m.maintenanceReason,
                        m.installedAt))
                .toList();
        return new FactoryView(
                e.factoryId,
                e.name,
                e.province,
                e.regency,
                e.commodity,
                e.commodityCode,
                e.operator,
                e.status,
                e.statusReason,
                e.staffGroup,
                e.installationDueOn,
                inspection,
                e.commissionedBy,
                e.commissionedAt,
                e.proposedBy,
                e.proposedAt,
                e.updatedAt,
                machines);
    }
}
