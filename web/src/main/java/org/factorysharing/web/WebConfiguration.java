package org.factorysharing.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages speak Bahasa Indonesia by default and English by choice: the browser's Accept-Language when it prefers
 * English, or the language switch (?lang=en|id), remembered in a cookie for a year. Every text comes from the
 * message bundles of the features (messages/&lt;feature&gt;.properties in Indonesian, _en in English).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    public static final Locale ENGLISH = Locale.forLanguageTag("en");

    @Bean
    MessageSource messageSource() {
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasenames(bundles());
        messages.setDefaultEncoding("UTF-8");
        // a missing English text falls back to the Indonesian one, never to the JVM's language
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(INDONESIAN);
        return messages;
    }

    /** Every feature's bundle (messages/*.properties without a language suffix). */
    private static String[] bundles() {
        try {
            Resource[] files =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties");
            TreeSet<String> names = new TreeSet<>();
            Arrays.stream(files)
                    .map(Resource::getFilename)
                    .filter(name -> name != null && !name.matches(".*_[a-z]{2}(_[A-Z]{2})?\\.properties"))
                    .forEach(name -> names.add("classpath:messages/" + name.substring(0, name.length() - 11)));
            return names.toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the message bundles", e);
        }
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("fs-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> {
            String accept = request.getHeader("Accept-Language");
            if (accept != null) {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                    if (range.getRange().startsWith("en")) {
                        return ENGLISH;
                    }
                    if (range.getRange().startsWith("id") || range.getRange().startsWith("in")) {
                        return INDONESIAN;
                    }
                }
            }
            return INDONESIAN;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/engine-rest/**", "/camunda/**");
    }
}
