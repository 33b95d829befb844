package org.medrec.matching;

/** The fields a possible-duplicate comparison weighs. */
public enum MatchField {
    FAMILY("family name"), GIVEN("given name"), BIRTH_DATE("birth date"), SEX("sex"), ADDRESS("address"), PHONE("phone");

    private final String label;

    MatchField(String label) {
        this.label = label;
    }

    /** How a review item names the field. */
    public String label() {
        return label;
    }
}
