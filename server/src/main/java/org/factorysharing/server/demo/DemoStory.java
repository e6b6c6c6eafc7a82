package org.factorysharing.server.demo;

import java.util.List;
import org.factorysharing.api.member.BusinessScale;
import org.factorysharing.api.programme.KpiThresholds;

/**
 * The programme's story as the demo data tells it (docs/demo-data.md): the 2022 pilot of five shared factories, each in
 * a region whose commodity potential the shipped sample regions record (regions-v1.csv), its members and their
 * production jobs, and the six factories of the 2023 scale-up wave. Only values the domain accepts: the regions and
 * commodities of the reference list, 13-digit NIBs, 16-digit NIKs. The NIBs, NIKs, phone numbers and e-mail addresses are
 * made up (the e-mail domain is example.id).
 */
final class DemoStory {

    private DemoStory() {}

    /** A machine to plan for a factory. */
    record Machine(String machineId, String machineType, int capacityHoursPerDay) {}

    /** A factory: {@code key} names it within the story (members and jobs refer to it). */
    record Site(
            String key,
            String name,
            String province,
            String regency,
            String commodity,
            String operator,
            List<Machine> machines) {

        String machineType() {
            return machines.get(0).machineType();
        }
    }

    /**
     * A member business; {@code login} is the login that applies for itself (null: an officer registers it from the
     * papers handed in at the office); {@code verified} false leaves the application waiting for an officer.
     */
    record Business(
            String key,
            String nib,
            String businessName,
            String ownerName,
            String ownerNik,
            String sector,
            String province,
            String regency,
            BusinessScale scale,
            String contactPhone,
            String contactEmail,
            String login,
            boolean verified,
            String qualifiedOn) {}

    /**
     * A production job: booked by the member ({@code member}'s login, or an officer for it) at a factory. A completed
     * job runs through start, output and quality inspection ({@code reworkNotes}: sent to rework once first); an
     * upcoming one ({@code startInDays} > 0) stays scheduled.
     */
    record Job(
            String member,
            String site,
            String product,
            int quantity,
            int machineHours,
            int startInDays,
            int goodUnits,
            int rejectedUnits,
            String reworkNotes) {

        boolean completed() {
            return startInDays == 0;
        }
    }

    static final String PILOT_NAME = "Pilot 2022";
    static final int PILOT_YEAR = 2022;
    static final int PILOT_MONTHS = 12;
    /** What success meant for the pilot; the pilot's own figures meet them, so scale_up_eligibility recommends. */
    static final KpiThresholds PILOT_THRESHOLDS = new KpiThresholds(0.1, 5, 5, 1_500, 0.8);
    /** The next wave's target: the officer proposes six factories for 2023. */
    static final int NEXT_WAVE_TARGET = 6;

    static final List<Site> PILOT = List.of(
            new Site(
                    "minahasa",
                    "Rumah Produksi Bersama Kelapa Minahasa",
                    "Sulawesi Utara",
                    "Minahasa",
                    "Coconut",
                    "Koperasi Nyiur Melambai",
                    List.of(
                            new Machine("PRESS-1", "COCONUT_OIL_PRESS", 8),
                            new Machine("PRESS-2", "COCONUT_OIL_PRESS", 8))),
            new Site(
                    "sragen",
                    "Rumah Produksi Bersama Mebel Sragen",
                    "Jawa Tengah",
                    "Sragen",
                    "Furniture",
                    "Koperasi Mebel Jati Sukowati",
                    List.of(new Machine("CNC-1", "CNC_ROUTER", 8), new Machine("CNC-2", "CNC_ROUTER", 8))),
            new Site(
                    "garut",
                    "Rumah Produksi Bersama Kulit Garut",
                    "Jawa Barat",
                    "Garut",
                    "Leather",
                    "Koperasi Penyamak Kulit Sukaregang",
                    List.of(
                            new Machine("SEW-1", "LEATHER_SEWING_MACHINE", 8),
                            new Machine("SEW-2", "LEATHER_SEWING_MACHINE", 8))),
            new Site(
                    "sikka",
                    "Rumah Produksi Bersama Tenun Ikat Sikka",
                    "Nusa Tenggara Timur",
                    "Sikka",
                    "Woven textiles",
                    "Koperasi Tenun Ikat Watublapi",
                    List.of(new Machine("LOOM-1", "WEAVING_LOOM", 8), new Machine("LOOM-2", "WEAVING_LOOM", 8))),
            new Site(
                    "aceh-tengah",
                    "Rumah Produksi Bersama Kopi Gayo",
                    "Aceh",
                    "Aceh Tengah",
                    "Coffee",
                    "Koperasi Kopi Arabika Gayo",
                    List.of(
                            new Machine("ROASTER-1", "COFFEE_ROASTER", 8),
                            new Machine("ROASTER-2", "COFFEE_ROASTER", 8))));

    static final List<Site> WAVE_2023 = List.of(
            new Site(
                    "minahasa-utara",
                    "Rumah Produksi Bersama Kelapa Minahasa Utara",
                    "Sulawesi Utara",
                    "Minahasa Utara",
                    "Coconut",
                    "Koperasi Petani Kelapa Airmadidi",
                    List.of(
                            new Machine("PRESS-1", "COCONUT_OIL_PRESS", 8),
                            new Machine("PRESS-2", "COCONUT_OIL_PRESS", 8))),
            new Site(
                    "jepara",
                    "Rumah Produksi Bersama Mebel Ukir Jepara",
                    "Jawa Tengah",
                    "Jepara",
                    "Furniture",
                    "Koperasi Pengrajin Ukir Jepara",
                    List.of(new Machine("CNC-1", "CNC_ROUTER", 8), new Machine("CNC-2", "CNC_ROUTER", 8))),
            new Site(
                    "luwu",
                    "Rumah Produksi Bersama Kakao Luwu",
                    "Sulawesi Selatan",
                    "Luwu",
                    "Cocoa",
                    "Koperasi Kakao Luwu Raya",
                    List.of(new Machine("GRINDER-1", "COCOA_GRINDER", 8))),
            new Site(
                    "bangli",
                    "Rumah Produksi Bersama Kopi Kintamani",
                    "Bali",
                    "Bangli",
                    "Coffee",
                    "Koperasi Kopi Kintamani",
                    List.of(new Machine("ROASTER-1", "COFFEE_ROASTER", 8))),
            new Site(
                    "bantul",
                    "Rumah Produksi Bersama Kerajinan Bantul",
                    "Daerah Istimewa Yogyakarta",
                    "Bantul",
                    "Handicrafts",
                    "Koperasi Perajin Kulit Manding",
                    List.of(new Machine("LASER-1", "LASER_CUTTER", 8))),
            new Site(
                    "simalungun",
                    "Rumah Produksi Bersama Kopi Simalungun",
                    "Sumatera Utara",
                    "Simalungun",
                    "Coffee",
                    "Koperasi Kopi Simalungun",
                    List.of(new Machine("ROASTER-1", "COFFEE_ROASTER", 8))));

    /**
     * How far the 2023 factories are: the first two have their machines installed and wait for the officers'
     * inspection; the others wait for their staff to install the machines (open tasks for a new user to work on).
     */
    static final int WAVE_2023_INSTALLED = 2;

    static final List<Business> MEMBERS = List.of(
            new Business(
                    "nyiur",
                    "7120000220001",
                    "UD Nyiur Melambai",
                    "Johanis Rumengan",
                    "7102011505780001",
                    "kelapa",
                    "Sulawesi Utara",
                    "Minahasa",
                    BusinessScale.MICRO,
                    "+62 812 4400 1001",
                    "nyiur.melambai@example.id",
                    "member",
                    true,
                    "COCONUT_OIL_PRESS"),
            new Business(
                    "tondano",
                    "7120000220002",
                    "KWT Kelapa Tondano",
                    "Maria Lumowa",
                    "7102024203820002",
                    "kelapa",
                    "Sulawesi Utara",
                    "Minahasa",
                    BusinessScale.MICRO,
                    "+62 813 4400 1002",
                    "kwt.tondano@example.id",
                    null,
                    true,
                    "COCONUT_OIL_PRESS"),
            new Business(
                    "sukowati",
                    "3314000220003",
                    "CV Mebel Jati Sukowati",
                    "Slamet Riyadi",
                    "3314011203750003",
                    "mebel",
                    "Jawa Tengah",
                    "Sragen",
                    BusinessScale.SMALL,
                    "+62 815 2900 1003",
                    "mebel.sukowati@example.id",
                    null,
                    true,
                    "CNC_ROUTER"),
            new Business(
                    "gemolong",
                    "3314000220004",
                    "UD Ukir Kayu Gemolong",
                    "Sri Wahyuni",
                    "3314025708860004",
                    "mebel",
                    "Jawa Tengah",
                    "Sragen",
                    BusinessScale.MICRO,
                    "+62 857 2900 1004",
                    "ukir.gemolong@example.id",
                    null,
                    true,
                    "CNC_ROUTER"),
            new Business(
                    "sukaregang",
                    "3205000220005",
                    "CV Kulit Sukaregang",
                    "Asep Saepudin",
                    "3205010907800005",
                    "kulit",
                    "Jawa Barat",
                    "Garut",
                    BusinessScale.SMALL,
                    "+62 821 2200 1005",
                    "kulit.sukaregang@example.id",
                    null,
                    true,
                    "LEATHER_SEWING_MACHINE"),
            new Business(
                    "watublapi",
                    "5307000220006",
                    "Kelompok Tenun Ikat Watublapi",
                    "Yosefina Nona",
                    "5307026106880006",
                    "tenun",
                    "Nusa Tenggara Timur",
                    "Sikka",
                    BusinessScale.MICRO,
                    "+62 852 3900 1006",
                    "tenun.watublapi@example.id",
                    null,
                    true,
                    "WEAVING_LOOM"),
            new Business(
                    "takengon",
                    "1104000220007",
                    "UD Kopi Gayo Takengon",
                    "Zulkifli Abdullah",
                    "1104011811790007",
                    "kopi",
                    "Aceh",
                    "Aceh Tengah",
                    BusinessScale.SMALL,
                    "+62 811 6800 1007",
                    "kopi.takengon@example.id",
                    null,
                    true,
                    "COFFEE_ROASTER"),
            new Business(
                    "luwu-sejahtera",
                    "7317000230008",
                    "UD Kakao Luwu Sejahtera",
                    "Andi Baso Amir",
                    "7317012002900008",
                    "kakao",
                    "Sulawesi Selatan",
                    "Luwu",
                    BusinessScale.MICRO,
                    "+62 853 4200 1008",
                    "kakao.luwu@example.id",
                    null,
                    false,
                    null));

    static final List<Job> JOBS = List.of(
            new Job("nyiur", "minahasa", "Minyak kelapa murni (VCO) 250 ml", 500, 8, 0, 480, 20, null),
            new Job("tondano", "minahasa", "Minyak kelapa murni (VCO) 1 liter", 300, 8, 0, 295, 5, null),
            new Job("sukowati", "sragen", "Kursi makan jati", 40, 8, 0, 38, 2, null),
            new Job(
                    "gemolong",
                    "sragen",
                    "Panel ukir kayu jati",
                    60,
                    8,
                    0,
                    60,
                    0,
                    "finishing tidak rata, amplas ulang"),
            new Job("sukaregang", "garut", "Jaket kulit domba", 120, 8, 0, 115, 5, null),
            new Job("watublapi", "sikka", "Kain tenun ikat motif Sikka", 30, 8, 0, 30, 0, null),
            new Job("takengon", "aceh-tengah", "Kopi arabika Gayo sangrai 250 g", 800, 8, 0, 790, 10, null),
            new Job("nyiur", "minahasa", "Minyak kelapa murni (VCO) 500 ml", 400, 8, 3, 0, 0, null));

    static Site site(String key) {
        return java.util.stream.Stream.concat(PILOT.stream(), WAVE_2023.stream())
                .filter(site -> site.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    static Business member(String key) {
        return MEMBERS.stream()
                .filter(member -> member.key().equals(key))
                .findFirst()
                .orElseThrow();
    }
}
