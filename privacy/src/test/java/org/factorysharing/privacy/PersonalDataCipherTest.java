package org.factorysharing.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.factorysharing.api.member.BusinessScale;
import org.factorysharing.api.member.MemberEvent.MemberRegistered;
import org.factorysharing.api.member.MemberEvent.MemberVerified;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.PersonalData;
import org.factorysharing.privacy.PersonalDataCipher.TamperedCiphertext;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private static final String NIK = "3201234567890001";
    private static final MemberId ID = new MemberId("member-1");
    private static final MemberRegistered REGISTERED = new MemberRegistered(
            ID,
            "1234567890123",
            "CV Kelapa Jaya",
            "Siti Rahma",
            NIK,
            "coconut",
            "Sulawesi Utara",
            "Minahasa",
            BusinessScale.MICRO,
            "+62811000111",
            null);

    private final SecretKey key = PersonalDataCipher.newKey();

    @Test
    void encryptedTextRoundTripsWithItsKeyAndContext() {
        String sealed = PersonalDataCipher.encrypt(NIK, key, "member-1/ownerNik");

        assertThat(sealed).startsWith("enc:v1:").doesNotContain(NIK);
        assertThat(PersonalDataCipher.decrypt(sealed, key, "member-1/ownerNik")).isEqualTo(NIK);
    }

    @Test
    void aDocumentsBytesRoundTripOnlyForTheirMemberAndDocument() {
        byte[] scan = "%PDF-1.4 KTP Siti Rahma 3201234567890001".getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = PersonalDataCipher.encryptBytes(scan, key, "member_document/member-1/doc-1/content");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Siti", NIK, "%PDF");
        assertThat(PersonalDataCipher.decryptBytes(sealed, key, "member_document/member-1/doc-1/content"))
                .isEqualTo(scan);
        assertThatThrownBy(() -> PersonalDataCipher.decryptBytes(sealed, key, "member_document/member-2/doc-1/content"))
                .isInstanceOf(TamperedCiphertext.class);
        assertThatThrownBy(() -> PersonalDataCipher.decryptBytes(
                        sealed, PersonalDataCipher.newKey(), "member_document/member-1/doc-1/content"))
                .isInstanceOf(TamperedCiphertext.class);
    }

    @Test
    void theSameTextEncryptsDifferentlyEachTime() {
        assertThat(PersonalDataCipher.encrypt(NIK, key, "c")).isNotEqualTo(PersonalDataCipher.encrypt(NIK, key, "c"));
    }

    @Test
    void aWrongKeyOrAnotherSubjectOrFieldIsRejected() {
        String sealed = PersonalDataCipher.encrypt(NIK, key, "member-1/ownerNik");

        assertThatThrownBy(() -> PersonalDataCipher.decrypt(sealed, PersonalDataCipher.newKey(), "member-1/ownerNik"))
                .isInstanceOf(TamperedCiphertext.class);
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(sealed, key, "member-2/ownerNik"))
                .isInstanceOf(TamperedCiphertext.class);
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(sealed, key, "member-1/contactPhone"))
                .isInstanceOf(TamperedCiphertext.class);
    }

    @Test
    void tamperedCiphertextIsRejected() {
        String sealed = PersonalDataCipher.encrypt(NIK, key, "c");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PersonalDataCipher.PREFIX.length()));
        bytes[bytes.length / 2] ^= 1;
        String tampered = PersonalDataCipher.PREFIX + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> PersonalDataCipher.decrypt(tampered, key, "c")).isInstanceOf(TamperedCiphertext.class);
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(PersonalDataCipher.PREFIX + "AAAA", key, "c"))
                .isInstanceOf(TamperedCiphertext.class);
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(PersonalDataCipher.PREFIX + "%%%", key, "c"))
                .isInstanceOf(TamperedCiphertext.class);
    }

    @Test
    void dataKeysAreWrappedWithTheMasterKeyForTheirSubject() {
        SecretKey master = PersonalDataCipher.newKey();
        byte[] wrapped = PersonalDataCipher.wrap(key, master, "member-1");

        assertThat(PersonalDataCipher.unwrap(wrapped, master, "member-1").getEncoded())
                .isEqualTo(key.getEncoded());
        assertThatThrownBy(() -> PersonalDataCipher.unwrap(wrapped, master, "member-2"))
                .isInstanceOf(TamperedCiphertext.class);
        assertThatThrownBy(() -> PersonalDataCipher.unwrap(wrapped, PersonalDataCipher.newKey(), "member-1"))
                .isInstanceOf(TamperedCiphertext.class);
    }

    // --- the serializer around it ---

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final Set<String> forgotten = new HashSet<>();
    private final PersonalDataSerializer serializer =
            new PersonalDataSerializer(JacksonSerializer.defaultSerializer(), () -> new SubjectKeys() {
                @Override
                public SecretKey keyForWriting(String subject) {
                    return forgotten.contains(subject)
                            ? null
                            : keys.computeIfAbsent(subject, s -> PersonalDataCipher.newKey());
                }

                @Override
                public Lookup lookup(String subject) {
                    return new Lookup(keys.get(subject), forgotten.contains(subject));
                }
            });

    @Test
    void storedEventsHoldNoPersonalDataInClearAndReadBackWhole() {
        SerializedObject<byte[]> stored = serializer.serialize(REGISTERED, byte[].class);

        String json = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain(NIK, "Siti Rahma", "+62811000111").contains("CV Kelapa Jaya", "1234567890123");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(REGISTERED);
    }

    @Test
    void afterTheKeyIsDeletedPersonalFieldsReadAsForgottenAndAbsentOnesStayAbsent() {
        SerializedObject<byte[]> stored = serializer.serialize(REGISTERED, byte[].class);
        keys.remove(ID.value());
        forgotten.add(ID.value());

        MemberRegistered read = serializer.deserialize(stored);

        assertThat(read)
                .isEqualTo(new MemberRegistered(
                        ID,
                        "1234567890123",
                        "CV Kelapa Jaya",
                        PersonalData.FORGOTTEN,
                        PersonalData.FORGOTTEN,
                        "coconut",
                        "Sulawesi Utara",
                        "Minahasa",
                        BusinessScale.MICRO,
                        PersonalData.FORGOTTEN,
                        null));
    }

    @Test
    void aMissingKeyReadsAsForgottenTooAndAForgottenSubjectGetsNoNewKey() {
        SerializedObject<byte[]> stored = serializer.serialize(REGISTERED, byte[].class);
        keys.clear();
        forgotten.add(ID.value());

        MemberRegistered read = serializer.deserialize(stored);
        assertThat(read.ownerNik()).isEqualTo(PersonalData.FORGOTTEN);

        SerializedObject<byte[]> again = serializer.serialize(REGISTERED, byte[].class);
        assertThat(new String(again.getData(), StandardCharsets.UTF_8))
                .doesNotContain(NIK)
                .contains("[forgotten]");
        assertThat(keys).isEmpty();
    }

    @Test
    void eventsWrittenInClearBeforeEncryptionAreHiddenOnceTheSubjectIsForgotten() {
        SerializedObject<byte[]> legacy = JacksonSerializer.defaultSerializer().serialize(REGISTERED, byte[].class);
        assertThat(((MemberRegistered) serializer.deserialize(legacy)).ownerNik())
                .isEqualTo(NIK);

        forgotten.add(ID.value());

        assertThat(((MemberRegistered) serializer.deserialize(legacy)).ownerNik())
                .isEqualTo(PersonalData.FORGOTTEN);
    }

    @Test
    void eventsWithoutPersonalDataPassThroughWithoutAKey() {
        MemberVerified verified = new MemberVerified(ID, "officer-1");

        assertThat((Object) serializer.deserialize(serializer.serialize(verified, byte[].class)))
                .isEqualTo(verified);
        assertThat(keys).isEmpty();
    }
}
