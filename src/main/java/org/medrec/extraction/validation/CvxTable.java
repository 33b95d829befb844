package org.medrec.extraction.validation;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The CVX codes medrec knows, with their CDC short descriptions, and the vaccine and product
 * names clinics write for them. Built once; immutable and thread-safe.
 *
 * <p>Short descriptions are those of the CDC table as the dev corpus prints them (some were
 * reworded by the CDC in 2024-2025; the newer wording is accepted as a name too). A name that a
 * clinic may use for more than one code (a product sold in several formulations, a vaccine family
 * such as "Influenza") is kept with all its codes and, where one reading is the usual one, a
 * proposal; a product whose formulation follows the patient's age (Engerix-B) has an age rule.
 */
final class CvxTable {

    /** What a written vaccine name may mean. */
    record NameMatch(Set<String> codes, String proposal, IntFunction<String> byAge, String note) {
        boolean exact() {
            return codes.size() == 1 && byAge == null;
        }
    }

    static final Map<String, String> DESCRIPTIONS;
    static final Map<String, NameMatch> NAMES;

    static {
        Builder b = new Builder();
        b.code("01", "DTP");
        b.code("02", "OPV", "trivalent poliovirus vaccine, live, oral");
        b.code("03", "MMR", "M-M-R II", "MMR II", "Priorix", "measles, mumps and rubella");
        b.code("04", "M/R");
        b.code("05", "measles");
        b.code("06", "rubella");
        b.code("07", "mumps");
        b.code("08", "Hep B, adolescent or pediatric", "Engerix-B (peds)", "Engerix-B pediatric",
                "Recombivax HB (peds)", "Recombivax HB pediatric", "Hep B, pediatric", "Hep B peds", "HepB pediatric");
        b.code("09", "Td (adult), adsorbed", "Td (adult), 2 Lf tetanus toxoid, preservative free, adsorbed", "TdVax");
        b.code("10", "IPV", "IPOL", "Polio (IPV)", "inactivated polio", "poliovirus vaccine, inactivated");
        b.code("17", "Hib, unspecified formulation");
        b.code("20", "DTaP", "Infanrix", "Tripedia", "Acel-Imune", "Certiva");
        b.code("21", "varicella", "Varivax", "VAR", "chickenpox", "chicken pox");
        b.code("22", "DTP-Hib");
        b.code("28", "DT (pediatric)");
        b.code("31", "Hep A, pediatric, unspecified formulation");
        b.code("32", "meningococcal MPSV4", "Menomune");
        b.code("33", "pneumococcal polysaccharide PPV23", "Pneumovax 23", "Pneumovax", "PPSV23", "PPV23");
        b.code("42", "Hep B, adolescent/high risk infant");
        b.code("43", "Hep B, adult", "Engerix-B adult", "Recombivax HB adult", "Hep B adult", "HepB adult");
        b.code("44", "Hep B, dialysis", "Hep B, high-dosage, dialysis or IC", "Recombivax HB dialysis",
                "Engerix-B dialysis");
        b.code("45", "Hep B, unspecified formulation");
        b.code("46", "Hib (PRP-D)", "ProHIBiT");
        b.code("47", "Hib (HbOC)", "HibTITER");
        b.code("48", "Hib (PRP-T)", "ActHIB", "Hiberix", "OmniHIB");
        b.code("49", "Hib (PRP-OMP)", "PedvaxHIB", "Liquid PedvaxHIB");
        b.code("50", "DTaP-Hib", "TriHIBit");
        b.code("51", "Hib-Hep B", "Comvax");
        b.code("52", "Hep A, adult", "Havrix adult", "Vaqta adult", "Hep A adult");
        b.code("62", "HPV, quadrivalent", "HPV4");
        b.code("83", "Hep A, ped/adol, 2 dose", "Havrix (peds)", "Havrix pediatric", "Vaqta (peds)",
                "Vaqta pediatric", "Hep A pediatric", "Hep A peds");
        b.code("84", "Hep A, ped/adol, 3 dose");
        b.code("85", "Hep A, unspecified formulation");
        b.code("88", "influenza, unspecified formulation");
        b.code("89", "polio, unspecified formulation");
        b.code("94", "MMRV", "ProQuad");
        b.code("100", "pneumococcal conjugate PCV 7", "PCV7", "Prevnar 7");
        b.code("104", "Hep A-Hep B", "Twinrix");
        b.code("106", "DTaP, 5 pertussis antigens", "Daptacel");
        b.code("107", "DTaP, unspecified formulation");
        b.code("108", "meningococcal ACWY, unspecified formulation");
        b.code("109", "pneumococcal, unspecified formulation");
        b.code("110", "DTaP-Hep B-IPV", "Pediarix", "DTaP-HepB-IPV");
        b.code("111", "influenza, live, intranasal", "Influenza, live, trivalent, intranasal, PF", "LAIV3");
        b.code("113", "Td (adult) preservative free", "Td (adult), 5 Lf tetanus toxoid, preservative free, adsorbed",
                "Tenivac");
        b.code("114", "meningococcal MCV4P", "Menactra", "MenACWY-D");
        b.code("115", "Tdap", "Boostrix", "Adacel");
        b.code("116", "rotavirus, pentavalent", "RotaTeq", "RV5");
        b.code("118", "HPV, bivalent", "Cervarix", "HPV2");
        b.code("119", "rotavirus, monovalent", "Rotarix", "RV1");
        b.code("120", "DTaP-Hib-IPV", "Pentacel", "DTaP-IPV/Hib");
        b.code("121", "zoster live", "Zostavax", "ZVL");
        b.code("122", "rotavirus, unspecified formulation");
        b.code("130", "DTaP-IPV", "Kinrix", "Quadracel");
        b.code("133", "Pneumococcal conjugate PCV 13", "Prevnar 13", "PCV13");
        b.code("135", "Influenza, high dose seasonal", "Influenza, high-dose, trivalent, PF");
        b.code("136", "Meningococcal MCV4O", "Menveo", "MenACWY-CRM");
        b.code("137", "HPV, unspecified formulation");
        b.description("138", "Td (adult)");
        b.code("139", "Td(adult) unspecified formulation");
        b.code("140", "Influenza, seasonal, injectable, preservative free", "Influenza, split virus, trivalent, PF");
        b.code("141", "Influenza, seasonal, injectable", "Influenza, split virus, trivalent, preservative");
        b.code("144", "influenza, seasonal, intradermal, preservative free", "Fluzone Intradermal");
        b.code("146", "DTaP,IPV,Hib,HepB", "Vaxelis", "DTaP-IPV-Hib-HepB");
        b.code("147", "meningococcal MCV4, unspecified formulation");
        b.code("148", "Meningococcal C/Y-HIB PRP", "MenHibrix");
        b.code("149", "influenza, live, intranasal, quadrivalent", "Influenza, live, quadrivalent, intranasal",
                "FluMist Quadrivalent", "LAIV4");
        b.code("150", "Influenza, injectable, quadrivalent, preservative free", "Influenza, split virus, quadrivalent, PF",
                "Fluarix Quad", "Fluarix Quadrivalent", "Flulaval Quad PF", "Flulaval Quadrivalent PF",
                "Fluzone Quad PF", "Fluzone Quadrivalent PF", "Afluria Quad PF", "Afluria Quadrivalent PF");
        b.code("151", "influenza nasal, unspecified formulation");
        b.code("152", "Pneumococcal Conjugate, unspecified formulation");
        b.code("153", "Influenza, injectable, MDCK, preservative free", "Influenza, MDCK, trivalent, PF");
        b.code("155", "influenza, recombinant, injectable, preservative free", "Influenza, recombinant, trivalent, PF");
        b.code("158", "influenza, injectable, quadrivalent, contains preservative", "influenza, injectable, quadrivalent",
                "Influenza, split virus, quadrivalent, preservative", "Flulaval Quad MDV", "Flulaval Quadrivalent MDV",
                "Fluzone Quad MDV", "Fluzone Quadrivalent MDV", "Afluria Quad MDV", "Afluria Quadrivalent MDV");
        b.code("161", "Influenza, injectable, quadrivalent, preservative free, pediatric");
        b.code("162", "meningococcal B, recombinant", "Trumenba", "MenB-FHbp");
        b.code("163", "meningococcal B, OMV", "Bexsero", "MenB-4C");
        b.code("164", "meningococcal B, unspecified");
        b.code("165", "HPV9", "Gardasil 9", "9vHPV");
        b.code("166", "influenza, intradermal, quadrivalent, preservative free", "Fluzone Intradermal Quadrivalent");
        b.code("168", "influenza, trivalent, adjuvanted", "Influenza, adjuvanted, trivalent, PF");
        b.code("171", "Influenza, injectable, MDCK, preservative free, quadrivalent", "Influenza, MDCK, quadrivalent, PF",
                "Flucelvax Quadrivalent PF", "Flucelvax Quad PF");
        b.code("185", "influenza, recombinant, quadrivalent, injectable, preservative free",
                "Influenza, recombinant, quadrivalent, PF", "Flublok Quadrivalent", "Flublok Quad");
        b.code("186", "Influenza, injectable, MDCK, quadrivalent, preservative", "Influenza, MDCK, quadrivalent, preservative",
                "Flucelvax Quadrivalent MDV", "Flucelvax Quad MDV");
        b.code("187", "zoster recombinant", "Shingrix", "RZV", "recombinant zoster");
        b.code("188", "zoster, unspecified formulation");
        b.code("189", "HepB-CpG", "Heplisav-B", "Heplisav");
        b.code("197", "influenza, high-dose, quadrivalent", "Influenza, high-dose, quadrivalent, PF",
                "Fluzone High-Dose Quad", "Fluzone High-Dose Quadrivalent", "Fluzone HD Quad");
        b.code("203", "meningococcal conjugate quadrivalent, MenACWY-TT (MCV4)", "MenQuadfi", "MenACWY-TT");
        b.code("205", "influenza, quadrivalent, adjuvanted", "Influenza, adjuvanted, quadrivalent, PF",
                "Fluad Quadrivalent", "Fluad Quad");
        b.code("206", "Vaccinia, smallpox monkeypox vaccine live, PF", "Jynneos");
        b.code("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5 mL dose",
                "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose");
        b.code("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose");
        b.code("210", "COVID-19 vaccine, vector-nr, rS-ChAdOx1, PF, 0.5 mL", "AstraZeneca COVID-19");
        b.code("211", "COVID-19, subunit, rS-nanoparticle+Matrix-M1 Adjuvant, PF, 0.5 mL",
                "COVID-19 vaccine, Subunit, rS-nanoparticle+Matrix-M1 Adjuvant, PF, 0.5 mL");
        b.code("212", "COVID-19 vaccine, vector-nr, rS-Ad26, PF, 0.5 mL", "Janssen COVID-19",
                "Johnson & Johnson COVID-19", "J&J COVID-19");
        b.code("213", "SARS-COV-2 (COVID-19) vaccine, UNSPECIFIED", "COVID-19, unspecified");
        b.code("215", "Pneumococcal conjugate PCV15",
                "Pneumococcal conjugate PCV15, polysaccharide CRM197 conjugate, adjuvant, PF", "Vaxneuvance", "PCV15");
        b.code("216", "Pneumococcal conjugate PCV20",
                "Pneumococcal conjugate PCV20, polysaccharide CRM197 conjugate, adjuvant, PF", "Prevnar 20", "PCV20");
        b.code("217", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose, tris-sucrose");
        b.code("218", "COVID-19, mRNA, LNP-S, PF, 10 mcg/0.2 mL dose, tris-sucrose");
        b.code("219", "COVID-19, mRNA, LNP-S, PF, 3 mcg/0.2 mL dose, tris-sucrose");
        b.code("220", "HepB recombinant, 3-antigen, Al(OH)3", "PreHevbrio");
        b.code("221", "COVID-19, mRNA, LNP-S, PF, 50 mcg/0.5 mL dose");
        b.code("227", "COVID-19, mRNA, LNP-S, PF, pediatric 50 mcg/0.5 mL dose");
        b.code("228", "COVID-19, mRNA, LNP-S, PF, pediatric 25 mcg/0.25 mL dose");
        b.code("229", "COVID-19, mRNA, LNP-S, bivalent booster, PF, 50 mcg/0.5 mL or 25mcg/0.25 mL dose",
                "COVID-19, mRNA, LNP-S, bivalent, PF, 50 mcg/0.5 mL or 25mcg/0.25 mL dose");
        b.code("230", "COVID-19, mRNA, LNP-S, bivalent booster, PF, 10 mcg/0.2 mL",
                "COVID-19, mRNA, LNP-S, bivalent, PF, 10 mcg/0.2 mL");
        b.code("300", "COVID-19, mRNA, LNP-S, bivalent booster, PF, 30 mcg/0.3 mL dose",
                "COVID-19, mRNA, LNP-S, bivalent, PF, 30 mcg/0.3 mL dose");
        b.code("301", "COVID-19, mRNA, LNP-S, bivalent booster, PF, 10 mcg/0.2 mL dose",
                "COVID-19, mRNA, LNP-S, bivalent, PF, 10 mcg/0.2 mL dose");
        b.code("302", "COVID-19, mRNA, LNP-S, bivalent, PF, 3 mcg/0.2 mL dose");
        b.code("303", "RSV, recombinant, protein subunit RSVpreF, adjuvant reconstituted, 0.5 mL, PF", "Arexvy");
        b.code("304", "Respiratory syncytial virus (RSV), unspecified");
        b.code("305", "RSV, bivalent, protein subunit RSVpreF, diluent reconstituted, 0.5 mL, PF", "Abrysvo");
        b.code("306", "RSV, mAb, nirsevimab-alip, 0.5 mL, neonate to 24 months");
        b.code("307", "RSV, mAb, nirsevimab-alip, 1 mL, neonate to 24 months");
        b.code("308", "COVID-19, mRNA, LNP-S, PF, tris-sucrose, 3 mcg/0.3 mL");
        b.code("309", "COVID-19, mRNA, LNP-S, PF, tris-sucrose, 30 mcg/0.3 mL");
        b.code("310", "COVID-19, mRNA, LNP-S, PF, tris-sucrose, 10 mcg/0.3 mL");
        b.code("311", "COVID-19, mRNA, LNP-S, PF, 25 mcg/0.25 mL");
        b.code("312", "COVID-19, mRNA, LNP-S, PF, 50 mcg/0.5 mL");
        b.code("313", "COVID-19, subunit, rS-nanoparticle, adjuvanted, PF, 5 mcg/0.5 mL");
        b.code("314", "Respiratory syncytial virus (RSV) vaccine, unspecified");
        b.code("315", "Respiratory syncytial virus (RSV) MAB, unspecified");
        b.code("316", "Meningococcal polysaccharide (MenACWY-TT conjugate), (MenB), PF", "Penbraya");
        b.code("320", "Influenza, MDCK, trivalent, preservative");
        b.code("326", "RSV, mRNA, injectable, PF", "mRESVIA");
        b.code("327", "Pneumococcal conjugate PCV21, polysaccharide CRM197 conjugate, PF", "Capvaxive", "PCV21");
        b.code("328", "Meningococcal oligosaccharide (MenACWY), (MenB), PF", "Penmenvy");
        b.code("332", "RSV, mAb, clesrovimab-cfor, 0.7 mL, neonate and infant, PF", "Enflonsia");
        b.description("998", "no vaccine administered");
        b.description("999", "unknown");

        // Products whose formulation, and so whose code, follows the patient's age at the dose.
        b.byAge(List.of("Engerix-B", "Engerix B"), Set.of("08", "43"), age -> age < 20 ? "08" : "43",
                "comes in a pediatric/adolescent (08, to age 19) and an adult (43, from 20) formulation");
        b.byAge(List.of("Recombivax HB", "Recombivax"), Set.of("08", "43"),
                age -> age < 11 || (age >= 16 && age < 20) ? "08" : age >= 20 ? "43" : null,
                "comes in a pediatric/adolescent (08) and an adult (43) formulation; ages 11-15 may have either");
        b.byAge(List.of("Havrix", "Vaqta"), Set.of("83", "52"), age -> age < 19 ? "83" : "52",
                "comes in a pediatric (83, to age 18) and an adult (52, from 19) formulation");

        // Names that stand for several codes; some have a usual reading to propose.
        Set<String> flu = Set.of("88", "111", "135", "140", "141", "144", "149", "150", "151", "153", "155", "158",
                "161", "166", "168", "171", "185", "186", "197", "205", "320");
        Set<String> covid = Set.of("207", "208", "210", "211", "212", "213", "217", "218", "219", "221", "227", "228",
                "229", "230", "300", "301", "302", "308", "309", "310", "311", "312", "313");
        b.ambiguous(List.of("Hepatitis B", "Hep B", "HepB"), Set.of("08", "42", "43", "44", "45", "189", "220"), null,
                "does not say which hepatitis B product or formulation");
        b.ambiguous(List.of("Hepatitis A", "Hep A", "HepA"), Set.of("31", "52", "83", "84", "85"), null,
                "does not say which hepatitis A formulation");
        b.ambiguous(List.of("Influenza", "Flu", "Flu shot", "Flu vaccine", "Seasonal influenza"), flu, null,
                "does not say which influenza vaccine");
        b.ambiguous(List.of("Fluzone"), Set.of("135", "140", "141", "144", "150", "158", "161", "166", "197"), null,
                "is sold in several formulations");
        b.ambiguous(List.of("Fluzone PF"), Set.of("140", "150"), "140", "may be trivalent (140) or quadrivalent (150)");
        b.ambiguous(List.of("Fluzone Quadrivalent", "Fluzone Quad"), Set.of("150", "158", "161"), null,
                "does not say preservative free, multi-dose or pediatric");
        b.ambiguous(List.of("Fluzone High-Dose", "Fluzone HD"), Set.of("135", "197"), null,
                "may be trivalent (135) or quadrivalent (197)");
        b.ambiguous(List.of("Afluria"), Set.of("140", "141", "150", "158"), "141",
                "may be a preservative-free syringe or a multi-dose vial, trivalent or quadrivalent");
        b.ambiguous(List.of("Afluria PF"), Set.of("140", "150"), "140", "may be trivalent (140) or quadrivalent (150)");
        b.ambiguous(List.of("Afluria MDV"), Set.of("141", "158"), "141", "may be trivalent (141) or quadrivalent (158)");
        b.ambiguous(List.of("Fluarix"), Set.of("140", "150"), null, "may be trivalent (140) or quadrivalent (150)");
        b.ambiguous(List.of("Afluria Quadrivalent", "Afluria Quad"), Set.of("150", "158"), null,
                "does not say preservative free (150) or multi-dose (158)");
        b.ambiguous(List.of("Flulaval"), Set.of("141", "150", "158"), null, "is sold in several formulations");
        b.ambiguous(List.of("Flulaval Quadrivalent", "Flulaval Quad"), Set.of("150", "158"), null,
                "does not say preservative free (150) or multi-dose (158)");
        b.ambiguous(List.of("Flucelvax"), Set.of("153", "171", "186", "320"), null, "is sold in several formulations");
        b.ambiguous(List.of("Flucelvax Quadrivalent", "Flucelvax Quad"), Set.of("171", "186"), null,
                "does not say preservative free (171) or multi-dose (186)");
        b.ambiguous(List.of("Flublok"), Set.of("155", "185"), null, "may be trivalent (155) or quadrivalent (185)");
        b.ambiguous(List.of("Fluad"), Set.of("168", "205"), null, "may be trivalent (168) or quadrivalent (205)");
        b.ambiguous(List.of("FluMist"), Set.of("111", "149"), null, "may be trivalent (111) or quadrivalent (149)");
        b.ambiguous(List.of("COVID-19", "COVID", "COVID-19 vaccine", "SARS-CoV-2"), covid, null,
                "does not say which COVID-19 vaccine");
        b.ambiguous(List.of("Pfizer-BioNTech COVID-19", "Pfizer-BioNTech", "Pfizer COVID-19", "Pfizer COVID"),
                Set.of("208", "217", "218", "219", "300", "301", "302", "308", "309", "310"), "208",
                "was made in several formulations; 208 is the original 30 mcg dose for ages 12 and up");
        b.ambiguous(List.of("Comirnaty"), Set.of("208", "217", "309"), null, "was made in several formulations");
        b.ambiguous(List.of("Moderna COVID-19", "Moderna", "Moderna COVID"),
                Set.of("207", "221", "227", "228", "229", "230", "311", "312"), "207",
                "was made in several formulations; 207 is the original 100 mcg dose");
        b.ambiguous(List.of("Spikevax"), Set.of("207", "221", "311", "312"), null, "was made in several formulations");
        b.ambiguous(List.of("Novavax COVID-19", "Novavax"), Set.of("211", "313"), null, "was made in two formulations");
        b.ambiguous(List.of("Td", "Td (adult)", "tetanus-diphtheria"), Set.of("09", "113", "138", "139"), null,
                "does not say which Td formulation");
        b.ambiguous(List.of("Tdap / Td", "Tdap/Td"), Set.of("09", "113", "115", "138", "139"), null,
                "does not say Tdap or Td");
        b.ambiguous(List.of("Pneumococcal", "Pneumococcal vaccine", "Pneumonia vaccine"),
                Set.of("33", "100", "109", "133", "152", "215", "216", "327"), null,
                "does not say which pneumococcal vaccine");
        b.ambiguous(List.of("Pneumococcal conjugate"), Set.of("100", "133", "152", "215", "216", "327"), null,
                "does not say how many serotypes");
        b.ambiguous(List.of("Prevnar"), Set.of("100", "133", "216"), null, "may be Prevnar (7), Prevnar 13 or Prevnar 20");
        b.ambiguous(List.of("Meningococcal", "MenACWY", "MCV4", "Meningococcal conjugate"),
                Set.of("108", "114", "136", "147", "203"), null, "does not say which meningococcal vaccine");
        b.ambiguous(List.of("MenB", "Meningococcal B"), Set.of("162", "163", "164"), null,
                "does not say Trumenba (162) or Bexsero (163)");
        b.ambiguous(List.of("HPV", "Human papillomavirus"), Set.of("62", "118", "137", "165"), null,
                "does not say which HPV vaccine");
        b.ambiguous(List.of("Gardasil"), Set.of("62", "165"), null, "may be Gardasil (62) or Gardasil 9 (165)");
        b.ambiguous(List.of("Hib", "Haemophilus influenzae type b"), Set.of("17", "46", "47", "48", "49"), null,
                "does not say which Hib conjugate");
        b.ambiguous(List.of("Rotavirus"), Set.of("116", "119", "122"), null, "does not say RotaTeq (116) or Rotarix (119)");
        b.ambiguous(List.of("Zoster", "Shingles", "Zoster (Shingles)", "Shingles vaccine"), Set.of("121", "187", "188"),
                null, "does not say Zostavax (121) or Shingrix (187)");
        b.ambiguous(List.of("Polio", "Polio vaccine"), Set.of("02", "10", "89"), null, "does not say IPV or OPV");
        b.ambiguous(List.of("Beyfortus", "nirsevimab"), Set.of("306", "307"), null,
                "comes in 0.5 mL (306) and 1 mL (307) doses");
        b.ambiguous(List.of("RSV", "RSV vaccine"), Set.of("303", "304", "305", "314", "326"), null,
                "does not say which RSV vaccine");
        DESCRIPTIONS = Collections.unmodifiableMap(b.descriptions);
        NAMES = Map.copyOf(b.names);
    }

    private CvxTable() {
    }

    private static final class Builder {
        final Map<String, String> descriptions = new LinkedHashMap<>();
        final Map<String, NameMatch> names = new HashMap<>();

        void description(String code, String description) {
            if (descriptions.put(code, description) != null) {
                throw new IllegalStateException("CVX " + code + " listed twice");
            }
        }

        void code(String code, String description, String... otherNames) {
            description(code, description);
            NameMatch match = new NameMatch(Set.of(code), code, null, null);
            name(description, match);
            for (String n : otherNames) {
                name(n, match);
            }
        }

        void byAge(List<String> written, Set<String> codes, IntFunction<String> rule, String note) {
            NameMatch match = new NameMatch(Set.copyOf(codes), null, rule, note);
            written.forEach(n -> name(n, match));
        }

        void ambiguous(List<String> written, Set<String> codes, String proposal, String note) {
            NameMatch match = new NameMatch(Set.copyOf(codes), proposal, null, note);
            written.forEach(n -> name(n, match));
        }

        private void name(String written, NameMatch match) {
            String key = Text.key(written);
            NameMatch previous = names.put(key, match);
            if (previous != null && !previous.codes().equals(match.codes())) {
                throw new IllegalStateException("vaccine name '" + written + "' means both " + previous.codes()
                        + " and " + match.codes());
            }
        }
    }
}
