package dev.omnichannel.core.identity;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.Optional;

/**
 * Why two records are (or are not) linked: the deterministic rule that fired, if any, and the field
 * weights of the probabilistic model with their total.
 *
 * <p>Immutable and thread-safe.
 *
 * @param left the first record
 * @param right the second record
 * @param decision what the matching decided for the pair on its own (clustering may still keep a
 *     linked pair apart, see {@link IdentityGraph})
 * @param rule the deterministic rule that fired ({@code "same email"}, {@code "same phone"}, {@code
 *     "same loyalty id"}, {@code "same channel-scoped id"}, {@code "manual must-link"}), if any
 * @param fields each field's agreement level and weight
 * @param priorWeight the model's prior weight, part of the score
 * @param score the total match weight: prior weight plus field weights
 * @param probability the match probability of the score
 * @param compared whether the records share an active blocking key or identifier (were compared)
 * @since 0.1.0
 */
public record LinkExplanation(
    RecordKey left,
    RecordKey right,
    MatchDecision decision,
    Optional<String> rule,
    ImmutableList<FieldWeight> fields,
    double priorWeight,
    double score,
    double probability,
    boolean compared) {

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append(left).append(" ~ ").append(right).append(": ").append(decision);
    rule.ifPresent(r -> s.append(" by rule '").append(r).append('\''));
    s.append(String.format(Locale.ROOT, ", score %+.2f (p=%.4f)", score, probability));
    s.append(String.format(Locale.ROOT, " = prior %+.2f", priorWeight));
    for (FieldWeight w : fields) {
      if (w.level() != AgreementLevel.MISSING) {
        s.append(String.format(Locale.ROOT, " %s %s %+.2f", w.field(), w.level(), w.weight()));
      }
    }
    return s.toString();
  }
}
