package org.medrec.review;

import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * "Same person?" items about two patients that may be one (see {@code matching.PossibleDuplicates}):
 * Enter links them as the same person, F9 keeps them apart as different people. Nothing is typed.
 * Thread-safe.
 */
@Component
@Order(0)
public class DuplicatePatientItems implements ItemKind {

    static final String REASON_PREFIX = "possible duplicate patient";
    static final String DIFFERENT = "different people";

    @Override
    public boolean handles(ItemDetails.Item item) {
        return item.field().equals("*") && item.reason() != null && item.reason().startsWith(REASON_PREFIX);
    }

    @Override
    public List<ItemAction> actions(ItemDetails.Item item) {
        return List.of(new ItemAction("accept", "Enter", "the same person: link the two records", false, false, null),
                new ItemAction("distinct", "F9", "different people: keep them apart", false, false, DIFFERENT));
    }

    @Override
    public Decision decision(ItemDetails.Item item, String action, Map<String, String> form) {
        return switch (action == null ? "" : action) {
            case "accept" -> new Decision.Accept();
            case "distinct" -> new Decision.Reject(DIFFERENT);
            default -> throw new IllegalArgumentException("a possible duplicate is the same person (Enter) or different people (F9)");
        };
    }
}
