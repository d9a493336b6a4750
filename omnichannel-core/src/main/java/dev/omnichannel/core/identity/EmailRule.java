package dev.omnichannel.core.identity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.util.Locale;
import java.util.Optional;

/**
 * A mailbox provider's addressing rules, used when emails are normalised: which domains the
 * provider owns, the domain they all deliver to, and whether dots in the local part and {@code
 * +tag} suffixes are ignored by the provider.
 *
 * <p>Immutable and thread-safe.
 *
 * @param domains the lower-case domains the rule applies to; at least one
 * @param canonicalDomain the domain every address of the rule is rewritten to, if any
 * @param ignoreDots whether the provider ignores dots in the local part
 * @param stripPlusTag whether the provider delivers {@code name+tag@} to {@code name@}
 * @since 0.1.0
 */
public record EmailRule(
    ImmutableSet<String> domains,
    Optional<String> canonicalDomain,
    boolean ignoreDots,
    boolean stripPlusTag) {

  /** Creates the rule. */
  public EmailRule {
    checkNotNull(domains, "domains must not be null");
    checkNotNull(canonicalDomain, "canonicalDomain must not be null");
    checkArgument(!domains.isEmpty(), "an email rule needs at least one domain");
    for (String domain : domains) {
      checkArgument(
          domain.equals(domain.toLowerCase(Locale.ROOT)) && domain.contains("."),
          "email rule domains must be lower-case domain names: %s",
          domain);
    }
  }

  /** Returns Gmail's rules: dots and {@code +tag}s ignored, googlemail.com is gmail.com. */
  public static EmailRule gmail() {
    return new EmailRule(
        ImmutableSet.of("gmail.com", "googlemail.com"), Optional.of("gmail.com"), true, true);
  }

  /** Returns a rule that only strips {@code +tag}s for the given domains. */
  public static EmailRule plusTags(String... domains) {
    return new EmailRule(ImmutableSet.copyOf(domains), Optional.empty(), false, true);
  }
}
