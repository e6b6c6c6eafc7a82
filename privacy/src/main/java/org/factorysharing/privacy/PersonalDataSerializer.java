package org.factorysharing.privacy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.factorysharing.api.shared.DataSubject;
import org.factorysharing.api.shared.PersonalData;
import org.factorysharing.privacy.SubjectKeys.Lookup;

/**
 * The event serializer with crypto-shredding: an event record's {@link PersonalData} components are encrypted
 * with its {@link DataSubject}'s key before the delegate writes them, and decrypted after it reads them; once the
 * key is deleted they read as {@link PersonalData#FORGOTTEN}. Every path that reads events through Axon (event
 * processors and replays, aggregates, the audit state-as-of, dead letters) sees the same thing, and the stored
 * bytes (hence the hash chain) never change. Events without personal data pass through untouched.
 */
final class PersonalDataSerializer implements Serializer {

    private final Serializer delegate;
    private final Supplier<? extends SubjectKeys> keys;
    private final Map<Class<?>, Optional<Shape>> shapes = new ConcurrentHashMap<>();

    PersonalDataSerializer(Serializer delegate, Supplier<? extends SubjectKeys> keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(protect(object), expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return (T) reveal(delegate.deserialize(serializedObject));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    /** A copy with every given personal value encrypted; the marker when the subject is forgotten already. */
    Object protect(Object object) {
        Optional<Shape> shape = object == null ? Optional.empty() : shapeOf(object.getClass());
        if (shape.isEmpty() || !shape.get().carriesPersonalData(object)) {
            return object;
        }
        String subject = shape.get().subject(object);
        SecretKey key = keys.get().keyForWriting(subject);
        return shape.get().map(object, (component, value) -> {
            if (PersonalData.FORGOTTEN.equals(value)) {
                return value;
            }
            // with no key the subject is forgotten: nothing personal may be written in clear
            return key == null
                    ? PersonalData.FORGOTTEN
                    : PersonalDataCipher.encrypt(value, key, context(subject, component));
        });
    }

    /** A copy with every personal value in clear, or the marker where the key is gone. */
    Object reveal(Object object) {
        Optional<Shape> shape = object == null ? Optional.empty() : shapeOf(object.getClass());
        if (shape.isEmpty() || !shape.get().carriesPersonalData(object)) {
            return object;
        }
        String subject = shape.get().subject(object);
        Lookup lookup = keys.get().lookup(subject);
        return shape.get().map(object, (component, value) -> {
            if (!PersonalDataCipher.isEncrypted(value)) {
                // written before encryption existed: hidden all the same once the subject is forgotten
                return lookup.forgotten() ? PersonalData.FORGOTTEN : value;
            }
            return lookup.key() == null
                    ? PersonalData.FORGOTTEN
                    : PersonalDataCipher.decrypt(value, lookup.key(), context(subject, component));
        });
    }

    private static String context(String subject, RecordComponent component) {
        return subject + "/" + component.getName();
    }

    private Optional<Shape> shapeOf(Class<?> type) {
        return shapes.computeIfAbsent(type, Shape::of);
    }

    /** Where a record type keeps its personal components and its subject. */
    private record Shape(
            Constructor<?> constructor, RecordComponent[] components, boolean[] personal, RecordComponent subject) {

        interface Change {
            String apply(RecordComponent component, String value);
        }

        static Optional<Shape> of(Class<?> type) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            RecordComponent[] components = type.getRecordComponents();
            boolean[] personal = new boolean[components.length];
            RecordComponent subject = null;
            boolean any = false;
            for (int i = 0; i < components.length; i++) {
                personal[i] = components[i].isAnnotationPresent(PersonalData.class);
                if (personal[i] && components[i].getType() != String.class) {
                    throw new IllegalStateException("@PersonalData is for text only: " + components[i]);
                }
                any |= personal[i];
                if (components[i].isAnnotationPresent(DataSubject.class)) {
                    subject = components[i];
                }
            }
            if (!any) {
                return Optional.empty();
            }
            if (subject == null) {
                throw new IllegalStateException(type.getName() + " carries @PersonalData but names no @DataSubject");
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                constructor.setAccessible(true);
                return Optional.of(new Shape(constructor, components, personal, subject));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor: " + type.getName(), e);
            }
        }

        boolean carriesPersonalData(Object record) {
            for (int i = 0; i < components.length; i++) {
                if (personal[i] && read(components[i], record) != null) {
                    return true;
                }
            }
            return false;
        }

        String subject(Object record) {
            Object value = read(subject, record);
            if (value == null) {
                throw new IllegalStateException(
                        "personal data without a subject: " + record.getClass().getName());
            }
            return value.toString();
        }

        Object map(Object record, Change change) {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = read(components[i], record);
                if (personal[i] && values[i] != null) {
                    values[i] = change.apply(components[i], (String) values[i]);
                }
            }
            try {
                return constructor.newInstance(values);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(
                        "cannot copy " + record.getClass().getName(), e);
            }
        }

        private static Object read(RecordComponent component, Object record) {
            try {
                return component.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
    }
}
