package org.medrec.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Invented people, clinics and insurance for the generated corpus. Family names end in "-Test", phones are
 * in the fictional 555-0100..0199 range, streets and towns are made up, NPIs pass the check-digit test but
 * are random. Each seed draws new patients; MRNs are unique within one generated set.
 */
final class People {

    record Address(String line, String line2, String city, String state, String zip) {
    }

    record Coverage(String payer, String memberId, String group) {
    }

    record Patient(String mrn, String family, String given, String middle, LocalDate dob, String sex,
                   Address address, String phone, Coverage coverage) {
    }

    record Provider(String first, String middle, String last, String credential, String npi) {

        /** The provider as a page prints the name; the truth keeps it as printed. */
        String printed(int form) {
            return switch (form % 4) {
                case 0 -> first + " " + last + ", " + credential;
                case 1 -> last + ", " + first + " " + middle + " " + credential;
                case 2 -> "Dr. " + first + " " + last;
                default -> first + " " + middle + ". " + last + ", " + credential;
            };
        }
    }

    /**
     * A clinic: {@code slug} names its identifier system (urn:medrec:clinic:slug) when medrec knows it
     * (jobs/forms/clinics.yml, same name and MRN format); an unknown clinic is one medrec has never seen.
     */
    record Clinic(String slug, String name, String street, String city, String state, String zip, String area,
                  String mrnPattern, boolean known) {

        String cityLine() {
            return city + ", " + state + " " + zip;
        }

        String phone(String last2) {
            return "(" + area + ") 555-01" + last2;
        }
    }

    /** MRN patterns: # a digit, other characters as printed. */
    static final List<Clinic> CLINICS = List.of(
            new Clinic("harbor", "Harbor Internal Medicine, P.C.", "310 Abercorn St", "Savannah", "GA", "31401", "912",
                    "H#######", true),
            new Clinic("ridgeview", "Ridgeview Family Medicine", "4410 SE Hawthorne Blvd, Suite 200", "Portland", "OR",
                    "97215", "503", "########", true),
            new Clinic("northgate", "Northgate Medical Associates", "2800 Northgate Pkwy", "Tacoma", "WA", "98403",
                    "253", "######", true),
            new Clinic("stmarks", "St. Mark's Community Health Center", "915 S Zarzamora St", "San Antonio", "TX",
                    "78207", "210", "SM-######", true),
            new Clinic("lakeside", "Lakeside Pediatrics & Family Care", "1202 Regent St", "Madison", "WI", "53715",
                    "608", "A-#####", true),
            new Clinic("maple-hollow", "Maple Hollow Family Clinic", "1200 Quillfeather Lane, Suite 4",
                    "Brookhaven Falls", "OR", "97999", "503", "########", true),
            new Clinic("cedar-bend", "Cedar Bend Internal Medicine", "77 Larkspur Commons Drive", "Westerly Glen", "OR",
                    "97998", "541", "########", true),
            new Clinic("brightwater", "Brightwater Family Practice", "52 Tidepool Row", "Osprey Landing", "ME", "04401",
                    "207", "BW-#####", false),
            new Clinic("juniper-ridge", "Juniper Ridge Pediatrics", "9 Saddleback Court", "Harrow Springs", "NM", "87501",
                    "505", "JR######", false),
            new Clinic("copperleaf", "Copperleaf Internal Medicine Group", "4471 Kettle Creek Road", "Millbrook Crossing",
                    "VT", "05602", "802", "#######", false));

    private static final String[] FAMILY = {"Delgado", "Whitaker", "Tanaka", "Okafor", "Greene", "Raman", "Brandt",
            "Ferreira", "Lindqvist", "Moreau", "Castillo", "Haddad", "Novak", "Osei", "Park", "Quinlan", "Russo",
            "Sandoval", "Thornton", "Underwood", "Vasquez", "Wojcik", "Yamada", "Zielinski", "Abernathy", "Barros",
            "Chowdhury", "Dunmore", "Ellison", "Fitzgerald", "Gallagher", "Holloway", "Iverson", "Jablonski", "O'Neill",
            "McAllister", "Nakamura", "Petrov", "Achebe", "Kowalczyk"};
    private static final String[] FEMALE = {"Maria", "Aiko", "Priya", "Lucia", "Grace", "Hannah", "Olivia", "Fatima",
            "Ingrid", "Chloe", "Noor", "Rosa", "Eleanor", "Mei", "Abigail", "Valentina", "Sofia", "Martha", "Renée",
            "Joan"};
    private static final String[] MALE = {"James", "Robert", "Samuel", "Thomas", "Daniel", "Kwame", "Luis", "Arjun",
            "Henrik", "Marcus", "Elijah", "Omar", "Victor", "Peter", "Tomás", "George", "Felix", "Andre", "Walter",
            "Isaac"};
    private static final String[] STREET_A = {"Quill", "Thistle", "Heron", "Lantern", "Birch", "Cobble", "Marigold",
            "Juniper", "Sparrow", "Willow", "Amber", "Fern", "Copper", "Kestrel", "Bramble", "Larch"};
    private static final String[] STREET_B = {"feather", "wood", "wing", "light", "bark", "stone", "brook", "field",
            "crest", "hollow", "gate", "moor"};
    private static final String[] STREET_C = {"Lane", "Court", "Avenue", "Road", "Way", "Drive", "Street", "Trail",
            "Ln", "Ct", "Ave", "Rd", "Dr", "St", "Pl"};
    private static final String[] TOWN = {"Brookhaven Falls", "Westerly Glen", "Fernwick", "Larkspur Hollow",
            "Quarry Bend", "Millbrook Crossing", "Osprey Landing", "Harrow Springs", "Tansy Flats", "Gullwing Bay"};
    private static final String[] PAYERS = {"Blue Heron Health Plan", "Evergreen Mutual PPO", "Cascadia Select HMO",
            "Summit Ridge Health", "Lighthouse Care Plan", "Prairie Star Insurance", "Northwind Benefit Trust",
            "Keystone Valley Health"};

    private final Random random;
    private final Set<String> mrns;

    /** {@code mrns}: every MRN drawn so far in this set, so that no two documents share a patient by chance. */
    People(Random random, Set<String> mrns) {
        this.random = random;
        this.mrns = mrns;
    }

    Patient patient(Clinic clinic) {
        boolean female = random.nextBoolean();
        String given = pick(female ? FEMALE : MALE);
        String middle = random.nextInt(3) == 0 ? null : String.valueOf((char) ('A' + random.nextInt(26)));
        LocalDate dob = LocalDate.of(1938 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String street = (100 + random.nextInt(9800)) + " " + pick(STREET_A) + pick(STREET_B) + " " + pick(STREET_C);
        String line2 = random.nextInt(5) == 0 ? pick(new String[] {"Apt ", "Unit ", "Suite "}) + (1 + random.nextInt(40))
                + (random.nextBoolean() ? "" : String.valueOf((char) ('A' + random.nextInt(4)))) : null;
        String zip = clinic.zip().substring(0, 3) + String.format("%02d", random.nextInt(100));
        Address address = new Address(street, line2, pick(TOWN), clinic.state(), zip);
        String payer = pick(PAYERS);
        String member = payer.substring(0, 1) + payer.split(" ")[1].charAt(0) + digits(8 + random.nextInt(2));
        String group = random.nextBoolean() ? digits(6) : "G" + digits(5);
        return new Patient(mrn(clinic), pick(FAMILY) + "-Test", given, middle, dob, female ? "female" : "male",
                address, phone(clinic), new Coverage(payer, member, group));
    }

    Provider provider() {
        boolean female = random.nextBoolean();
        String[] credentials = {"MD", "MD", "DO", "NP", "PA-C"};
        return new Provider(pick(female ? FEMALE : MALE).replace("é", "e").replace("á", "a"),
                String.valueOf((char) ('A' + random.nextInt(26))), pick(FAMILY) + "-Test", pick(credentials), npi());
    }

    String phone(Clinic clinic) {
        return clinic.area() + "55501" + String.format("%02d", random.nextInt(100));
    }

    /** A 10-digit NPI that passes the Luhn check with the 80840 prefix. */
    String npi() {
        String base = "1" + digits(8);
        int sum = 0;
        String all = "80840" + base;
        for (int i = 0; i < all.length(); i++) {
            int d = all.charAt(all.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
        }
        return base + (10 - sum % 10) % 10;
    }

    private String mrn(Clinic clinic) {
        while (true) {
            StringBuilder b = new StringBuilder();
            for (char c : clinic.mrnPattern().toCharArray()) {
                b.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
            }
            if (mrns.add(b.toString())) {
                return b.toString();
            }
        }
    }

    String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
