package org.factorysharing.web.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.factorysharing.api.member.BusinessScale;
import org.factorysharing.api.shared.TextRules;
import org.springframework.web.multipart.MultipartFile;

/** The application form of /me/apply: what RegisterMember takes, and the two documents every application carries. */
public class ApplicationForm {

    @NotBlank
    @Size(max = 200)
    @Pattern(regexp = TextRules.PLAIN)
    private String businessName;

    @NotBlank
    @Pattern(regexp = "\\s*\\d{13}\\s*")
    private String nib;

    @NotBlank
    @Size(max = 200)
    @Pattern(regexp = TextRules.PLAIN)
    private String ownerName;

    @NotBlank
    @Pattern(regexp = "\\s*\\d{16}\\s*")
    private String ownerNik;

    @Pattern(regexp = "\\s*(\\+?[0-9 -]{6,20})?\\s*")
    private String contactPhone;

    @Email
    @Size(max = 254)
    @Pattern(regexp = TextRules.PLAIN)
    private String contactEmail;

    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = TextRules.PLAIN)
    private String sector;

    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = TextRules.PLAIN)
    private String province;

    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = TextRules.PLAIN)
    private String regency;

    @NotNull
    private BusinessScale scale;

    private MultipartFile nibCertificate;
    private MultipartFile ownerIdCard;

    public String getBusinessName() {
        return businessName;
    }

    public void setBusinessName(String businessName) {
        this.businessName = businessName;
    }

    public String getNib() {
        return nib;
    }

    public void setNib(String nib) {
        this.nib = nib;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public void setOwnerName(String ownerName) {
        this.ownerName = ownerName;
    }

    public String getOwnerNik() {
        return ownerNik;
    }

    public void setOwnerNik(String ownerNik) {
        this.ownerNik = ownerNik;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getSector() {
        return sector;
    }

    public void setSector(String sector) {
        this.sector = sector;
    }

    public String getProvince() {
        return province;
    }

    public void setProvince(String province) {
        this.province = province;
    }

    public String getRegency() {
        return regency;
    }

    public void setRegency(String regency) {
        this.regency = regency;
    }

    public BusinessScale getScale() {
        return scale;
    }

    public void setScale(BusinessScale scale) {
        this.scale = scale;
    }

    public MultipartFile getNibCertificate() {
        return nibCertificate;
    }

    public void setNibCertificate(MultipartFile nibCertificate) {
        this.nibCertificate = nibCertificate;
    }

    public MultipartFile getOwnerIdCard() {
        return ownerIdCard;
    }

    public void setOwnerIdCard(MultipartFile ownerIdCard) {
        this.ownerIdCard = ownerIdCard;
    }
}
