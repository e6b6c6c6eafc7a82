package org.factorysharing.privacy;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.factorysharing.platform.database.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;

/**
 * Crypto-shredding of personal data in events: Axon's event serializer (bean {@code eventSerializer}, used by the
 * event store, the event processors and the dead-letter queue) is wrapped, whatever serializer type is configured.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    static final String EVENT_SERIALIZER = "eventSerializer";
    /** The default of application.yml: fine on a laptop's embedded database, never on a real one. */
    static final String LOCAL_ONLY_MASTER_KEY = "bG9jYWwtb25seS1tYXN0ZXIta2V5LWNoYW5nZS1tZSE=";

    private static final Logger log = LoggerFactory.getLogger(PrivacyConfiguration.class);

    @Bean
    PersonalDataKeys personalDataKeys(
            DataSource dataSource, DatabaseMode databaseMode, @Value("${fs.privacy.master-key:}") String configured) {
        String masterKey = StringUtils.hasText(configured) ? configured : LOCAL_ONLY_MASTER_KEY;
        if (!databaseMode.embedded() && LOCAL_ONLY_MASTER_KEY.equals(masterKey)) {
            log.warn("Personal data keys are wrapped with the local-only default master key on an external "
                    + "database: set FS_PRIVACY_MASTER_KEY (openssl rand -base64 32), the same on every node");
        }
        return new PersonalDataKeys(dataSource, masterKey);
    }

    /**
     * The erasure list's directory: {@code fs.privacy.erasure-dir} (FS_ERASURE_DIR), by default beside the embedded
     * database's data directory ({@code <data-dir>-erasures}), or {@code ./erasures} with an external database.
     */
    @Bean
    ErasureList erasureList(
            DatabaseMode databaseMode,
            @Value("${fs.privacy.erasure-dir:}") String configured,
            @Value("${fs.embedded-db.data-dir:./data}") String dataDir) {
        Path directory;
        if (StringUtils.hasText(configured)) {
            directory = Path.of(configured);
        } else if (databaseMode.embedded()) {
            Path data = Path.of(dataDir).toAbsolutePath().normalize();
            directory = data.resolveSibling(data.getFileName() + "-erasures");
        } else {
            directory = Path.of("erasures");
            log.warn(
                    "No FS_ERASURE_DIR: the erasure list is kept in {}; keep it on lasting storage, outside the "
                            + "database backups, shared by (or collected from) every node",
                    directory.toAbsolutePath());
        }
        return new ErasureList(directory);
    }

    /** Re-applies listed forgets the database lacks, once Axon runs and before the node reports ready. */
    @Bean
    ApplicationListener<ApplicationStartedEvent> erasureReplay(
            ErasureList list, DataSource dataSource, CommandGateway commands, PersonalDataKeys keys) {
        return started -> new ErasureReplay(list, new JdbcTemplate(dataSource), commands, keys).replay();
    }

    /** Keyed with a key derived from the master key: without it, the index says nothing about anyone. */
    @Bean
    BlindIndex blindIndex(DataSource dataSource, @Value("${fs.privacy.master-key:}") String configured) {
        return new BlindIndex(dataSource, StringUtils.hasText(configured) ? configured : LOCAL_ONLY_MASTER_KEY);
    }

    /** Members' documents, encrypted with the same per-member keys: the command side's MemberDocumentVault. */
    @Bean
    MemberDocumentStore memberDocumentStore(DataSource dataSource, PersonalDataKeys keys, QueryGateway queries) {
        return new MemberDocumentStore(dataSource, keys, queries);
    }

    /** Static and lazy: a post-processor is built before other beans, the key table only on first use. */
    @Bean
    static BeanPostProcessor personalDataEncryption(ObjectProvider<PersonalDataKeys> keys) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (EVENT_SERIALIZER.equals(beanName)
                        && bean instanceof Serializer serializer
                        && !(bean instanceof PersonalDataSerializer)) {
                    return new PersonalDataSerializer(serializer, keys::getObject);
                }
                return bean;
            }
        };
    }
}
