package org.medrec.review;

/**
 * One thing a technician can do with an item on its page: its name (posted as {@code action}),
 * the key that does it ({@code KeyboardEvent.key}, or {@code "typing"} for a typed value), a label,
 * and whether it takes a typed value or a reason. {@code fixedReason} is the reason of an action
 * that always gives the same one ("unreadable"). Immutable.
 */
public record ItemAction(String name, String key, String label, boolean takesValue, boolean takesReason,
                         String fixedReason) {
}
