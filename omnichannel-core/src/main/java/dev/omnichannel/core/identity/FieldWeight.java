package dev.omnichannel.core.identity;

/**
 * One field's part in a pair's match weight.
 *
 * @param field the field compared
 * @param level how well it agreed
 * @param weight {@code log2(m / u)} of that level; 0 when missing
 * @since 0.1.0
 */
public record FieldWeight(Field field, AgreementLevel level, double weight) {}
