package org.medrec.samples;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Invented patients, providers and clinics for the sample inputs. Every name carries a "-Test" suffix,
 * phone numbers are in the reserved fictional 555-0100..0199 range and streets and towns are made up.
 */
final class SampleData {

    static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    /** Fixed date of service used everywhere, so that output never depends on the clock. */
    static final LocalDate SERVICE_DATE = LocalDate.of(2024, 3, 18);

    record Patient(String mrn, String last, String first, LocalDate dob, String sex, String street, String city,
                   String state, String zip, String phone, String insurance, String memberId) {

        String fullName() {
            return first + " " + last;
        }

        String address() {
            return street + ", " + city + ", " + state + " " + zip;
        }
    }

    record Provider(String name, String credential, String npi) {

        String signature() {
            return name + ", " + credential;
        }
    }

    record Clinic(String name, String addressLine, String phoneLine) {
    }

    static final Clinic MAPLE_HOLLOW = new Clinic("Maple Hollow Family Clinic",
            "1200 Quillfeather Lane, Suite 4, Brookhaven Falls, OR 97999",
            "Phone (503) 555-0142   Fax (503) 555-0143");

    static final Clinic CEDAR_BEND = new Clinic("Cedar Bend Internal Medicine",
            "77 Larkspur Commons Drive, Westerly Glen, OR 97998",
            "Phone (503) 555-0186   Fax (503) 555-0187");

    /** NPIs below all pass the Luhn check with the 80840 prefix; none is assigned to a real provider here. */
    static final Provider MARSH = new Provider("Ellen Marsh-Test", "MD", "1234567893");
    static final Provider ROUSSEAU = new Provider("Amélie Rousseau-Test", "DO", "1987654328");
    static final Provider IBANEZ = new Provider("Carlos Ibanez-Test", "NP", "1456789019");
    static final Provider NWOSU = new Provider("Grace Nwosu-Test", "PA-C", "1765432103");

    static final List<Patient> PATIENTS = List.of(
            new Patient("00031415", "Delgado-Test", "Maria", LocalDate.of(1962, 3, 14), "F",
                    "418 Thistlewood Court", "Brookhaven Falls", "OR", "97999", "(503) 555-0117",
                    "Blue Heron Health Plan", "BHH-4410-0031"),
            new Patient("00027182", "Whitaker-Test", "James", LocalDate.of(1955, 7, 2), "M",
                    "92 Old Mill Pond Road", "Westerly Glen", "OR", "97998", "(503) 555-0123",
                    "Evergreen Mutual PPO", "EVM-2718-2818"),
            new Patient("00016180", "Tanaka-Test", "Aiko", LocalDate.of(1978, 11, 23), "F",
                    "1609 Goldenratio Avenue", "Brookhaven Falls", "OR", "97999", "(503) 555-0131",
                    "Blue Heron Health Plan", "BHH-1618-0339"),
            new Patient("00014142", "Okafor-Test", "Robert", LocalDate.of(1949, 1, 30), "M",
                    "7 Quarry Hill Lane, Apt 2B", "Fernwick", "OR", "97997", "(503) 555-0145",
                    "Medicare Part B (test)", "1TE5-TS7-MK42"),
            new Patient("00017320", "Greene-Test", "Samuel", LocalDate.of(1990, 5, 9), "M",
                    "3305 Birchbark Trail", "Westerly Glen", "OR", "97998", "(503) 555-0152",
                    "Cascadia Select HMO", "CSH-1732-0508"),
            new Patient("00022360", "Raman-Test", "Priya", LocalDate.of(1985, 9, 17), "F",
                    "260 Heronwing Boulevard", "Fernwick", "OR", "97997", "(503) 555-0164",
                    "Evergreen Mutual PPO", "EVM-2236-0679"),
            new Patient("00030103", "Brandt-Test", "Thomas", LocalDate.of(1971, 12, 5), "M",
                    "15 Cobblestone Row", "Brookhaven Falls", "OR", "97999", "(503) 555-0178",
                    "Self-pay", "N/A"),
            new Patient("00026457", "Ferreira-Test", "Lucia", LocalDate.of(2001, 4, 26), "F",
                    "880 Lanternlight Way", "Westerly Glen", "OR", "97998", "(503) 555-0193",
                    "Cascadia Select HMO", "CSH-2645-7513"));

    static Patient patient(int index) {
        return PATIENTS.get(index);
    }

    private SampleData() {
    }
}
