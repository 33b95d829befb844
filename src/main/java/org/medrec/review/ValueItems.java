package org.medrec.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Items about a value, a row or a whole file: Enter accepts (when a value was proposed), typing replaces the value (only
 * where the item holds one value), Delete rejects with a reason, F2 rejects as unreadable in the
 * source. The fallback kind: it handles every item. Thread-safe.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class ValueItems implements ItemKind {

    static final String UNREADABLE = "unreadable in the source";

    @Override
    public boolean handles(ItemDetails.Item item) {
        return true;
    }

    @Override
    public List<ItemAction> actions(ItemDetails.Item item) {
        List<ItemAction> actions = new ArrayList<>();
        boolean oneValue = item.holdsOneValue();
        if (!oneValue || item.proposed() != null) {   // nothing proposed: nothing to accept
            actions.add(new ItemAction("accept", "Enter", oneValue ? "accept the proposed value" : "accept (acknowledged)",
                    false, false, null));
        }
        if (oneValue) {
            actions.add(new ItemAction("value", "typing", "type the right value, then Enter", true, false, null));
        }
        actions.add(new ItemAction("reject", "Delete", "reject, with a reason", false, true, null));
        actions.add(new ItemAction("unreadable", "F2", "unreadable in the source", false, false, UNREADABLE));
        return List.copyOf(actions);
    }

    @Override
    public Decision decision(ItemDetails.Item item, String action, Map<String, String> form) {
        return switch (action == null ? "" : action) {
            case "accept" -> new Decision.Accept();
            case "value" -> {
                String value = form.get("value");
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException("type the value first (or press Enter on an empty field to accept)");
                }
                yield new Decision.Value(value);
            }
            case "reject" -> new Decision.Reject(form.getOrDefault("reason", ""));
            case "unreadable" -> new Decision.Reject(UNREADABLE);
            default -> throw new IllegalArgumentException("unknown action: " + action);
        };
    }
}
