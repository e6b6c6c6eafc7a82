package org.factorysharing.workflows.shared;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda builds the SQL of each query with MyBatis, whose OGNL reads the query object's properties in the mapping's
 * conditions. A property named like its method ({@code isOrQueryActive}, {@code isWithoutTenantId}, ...) has no
 * {@code get}/{@code is} getter, and OGNL then searches every public method of the class, lower-casing each name, on
 * every read and without a cache: about 40 µs for a task query's {@code isOrQueryActive} (310 methods), several times
 * per query. In a profile of the job lifecycle that search was 12% of the request threads' CPU.
 *
 * <p>This accessor, for plain objects (OGNL's default, {@link ObjectPropertyAccessor}), finds each class's method for
 * a property name once, the way OGNL does, and keeps it. Reads go through the same access check and the same
 * invocation; a name without a method still falls back to the field. Maps, lists and MyBatis's own bindings keep
 * their accessors (OGNL picks the most specific class or interface first).
 */
@Component
public class EngineQueryGetters extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        install();
    }

    /** Installs the accessor for the JVM (OGNL's registry is static); a second call keeps the first. */
    public static synchronized void install() {
        try {
            if (OgnlRuntime.getPropertyAccessor(Object.class) instanceof CachedGetters) {
                return;
            }
        } catch (OgnlException e) {
            // none registered yet (OGNL registers its defaults when the class loads): install ours
        }
        OgnlRuntime.setPropertyAccessor(Object.class, new CachedGetters());
    }

    /** OGNL's plain-object accessor, with the method of each class and property name looked up once. */
    static final class CachedGetters extends ObjectPropertyAccessor {

        private record Key(Class<?> type, String name) {}

        /** Bounded by the engine's query classes and the property names in its mappings. */
        private final ConcurrentMap<Key, Optional<Method>> methods = new ConcurrentHashMap<>();

        @Override
        public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
            if (target == null) {
                return super.getPossibleProperty(context, target, name);
            }
            Method method = methods.computeIfAbsent(new Key(target.getClass(), name), CachedGetters::lookUp)
                    .orElse(null);
            try {
                if (method == null || !context.getMemberAccess().isAccessible(context, target, method, name)) {
                    return OgnlRuntime.getFieldValue(context, target, name, true);
                }
                return OgnlRuntime.invokeMethod(target, method, OgnlRuntime.NoArguments);
            } catch (InvocationTargetException e) {
                throw new OgnlException(name, e.getTargetException());
            } catch (Exception e) {
                throw new OgnlException(name, e);
            }
        }

        /** As {@code OgnlRuntime.getMethodValue} resolves it: the bean getter, else a method named like the property. */
        private static Optional<Method> lookUp(Key key) {
            Method getter = OgnlRuntime.getGetMethod(key.type(), key.name());
            return Optional.ofNullable(
                    getter != null ? getter : OgnlRuntime.getReadMethod(key.type(), key.name(), null));
        }
    }
}
