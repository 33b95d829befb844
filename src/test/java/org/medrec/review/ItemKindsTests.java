package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which kind of item page an item gets, and what its actions decide. */
class ItemKindsTests {

    private static ItemDetails.Item item(String field, String reason) {
        return new ItemDetails.Item(UUID.randomUUID(), "value", null, null, "open", "intake", "held", "charts/a.pdf", null, "PDF", 1, null, null,
                null, null, null, "00012345", field, null, null, null, reason, null, null, null, null, null, null, List.of());
    }

    @Test
    void aPossibleDuplicateIsDecidedAsTheSamePersonOrDifferentPeopleAndNeverTyped() {
        DuplicatePatientItems kind = new DuplicatePatientItems();
        ItemDetails.Item pair = item("*", "possible duplicate patient: MRN 00012345 may be the same person as MRN 00012399");

        assertThat(kind.handles(pair)).isTrue();
        assertThat(kind.actions(pair)).extracting(ItemAction::key).containsExactly("Enter", "F9");
        assertThat(kind.actions(pair)).noneMatch(ItemAction::takesValue);
        assertThat(kind.decision(pair, "accept", Map.of())).isInstanceOf(Decision.Accept.class);
        assertThat(kind.decision(pair, "distinct", Map.of())).isEqualTo(new Decision.Reject("different people"));
        assertThatThrownBy(() -> kind.decision(pair, "value", Map.of("value", "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWholeFileItemOrAValueIsNotADuplicateItem() {
        DuplicatePatientItems kind = new DuplicatePatientItems();

        assertThat(kind.handles(item("*", "the document type could not be told"))).isFalse();
        assertThat(kind.handles(item("patient.birth_date", "possible duplicate patient: ..."))).isFalse();
    }
}
