package org.medrec.review;

import java.util.List;
import java.util.Map;

/**
 * A kind of review item and what can be done with it on its page: a value to accept, correct or
 * reject ({@link ValueItems}), and other kinds (a possible duplicate patient: "same person" or
 * "different people") as beans of their own. The item page asks the kinds in {@code @Order} and
 * uses the first that {@link #handles} the item. Implementations are thread-safe.
 */
public interface ItemKind {

    boolean handles(ItemDetails.Item item);

    /** The actions, in the order the page lists them. */
    List<ItemAction> actions(ItemDetails.Item item);

    /**
     * The decision an action's form means ({@code value}, {@code reason} as posted).
     *
     * @throws IllegalArgumentException with a message for the technician when the form is incomplete
     */
    Decision decision(ItemDetails.Item item, String action, Map<String, String> form);
}
