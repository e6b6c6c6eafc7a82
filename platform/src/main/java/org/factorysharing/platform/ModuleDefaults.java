package org.factorysharing.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Each module's own settings (which Axon storage, which serializer, how the engine checks rights, ...) ship with the
 * module in {@code fs-defaults/<module>.properties}, at the lowest precedence: the server's application.yml keeps
 * only what a deployment overrides, and a module's tests run with the same settings as the server.
 */
public class ModuleDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Resource[] defaults =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:fs-defaults/*.properties");
            Arrays.sort(defaults, Comparator.comparing(Resource::getFilename));
            for (Resource resource : defaults) {
                environment
                        .getPropertySources()
                        .addLast(new ResourcePropertySource("fs-defaults/" + resource.getFilename(), resource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modules' default settings", e);
        }
    }
}
