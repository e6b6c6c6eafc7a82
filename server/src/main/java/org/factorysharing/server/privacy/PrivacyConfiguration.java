package org.factorysharing.server.privacy;

import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Crypto-shredding of personal data in events: Axon's event serializer (bean {@code eventSerializer}, used by the
 * event store, the event processors and the dead-letter queue) is wrapped, whatever serializer type is configured.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    static final String EVENT_SERIALIZER = "eventSerializer";

    @Bean
    PersonalDataKeys personalDataKeys(DataSource dataSource, @Value("${fs.privacy.master-key}") String masterKey) {
        return new PersonalDataKeys(dataSource, masterKey);
    }

    /** Static and lazy: a post-processor is built before other beans, the key table only on first use. */
    @Bean
    static BeanPostProcessor personalDataEncryption(ObjectProvider<PersonalDataKeys> keys) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (EVENT_SERIALIZER.equals(beanName) && bean instanceof Serializer serializer
                        && !(bean instanceof PersonalDataSerializer)) {
                    return new PersonalDataSerializer(serializer, keys::getObject);
                }
                return bean;
            }
        };
    }
}
