package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * The result of a pool command: applied with a value, or rejected with a reason. Expected business
 * outcomes (not enough stock, an expired hold) are rejections, not exceptions. Immutable and
 * thread-safe.
 *
 * @param <T> what an applied command returns
 * @since 0.1.0
 */
public sealed interface Outcome<T> permits Outcome.Applied, Outcome.Rejected {

  /** Returns an applied outcome holding {@code value}. */
  static <T> Outcome<T> applied(T value) {
    return new Applied<>(value);
  }

  /** Returns a rejection. */
  static <T> Outcome<T> rejected(RejectionReason reason, String detail) {
    return new Rejected<>(reason, detail);
  }

  /** Returns whether the command was applied. */
  boolean isApplied();

  /** Returns the value of an applied command, or empty when rejected. */
  Optional<T> asOptional();

  /** Returns the rejection, or empty when applied. */
  Optional<Rejected<T>> rejection();

  /**
   * Returns the value of an applied command.
   *
   * @throws InventoryRejectedException if the command was rejected
   */
  T orThrow();

  /**
   * The command was applied.
   *
   * @param value what it returned
   * @param <T> its type
   */
  record Applied<T>(T value) implements Outcome<T> {
    /** Creates the outcome. */
    public Applied {
      checkNotNull(value, "value");
    }

    @Override
    public boolean isApplied() {
      return true;
    }

    @Override
    public Optional<T> asOptional() {
      return Optional.of(value);
    }

    @Override
    public Optional<Rejected<T>> rejection() {
      return Optional.empty();
    }

    @Override
    public T orThrow() {
      return value;
    }
  }

  /**
   * The command was turned down and changed nothing.
   *
   * @param reason why
   * @param detail a message naming the SKU, node, channel and quantities involved
   * @param <T> the type an applied command would have returned
   */
  record Rejected<T>(RejectionReason reason, String detail) implements Outcome<T> {
    /** Creates the rejection. */
    public Rejected {
      checkNotNull(reason, "reason");
      checkNotNull(detail, "detail");
    }

    @Override
    public boolean isApplied() {
      return false;
    }

    @Override
    public Optional<T> asOptional() {
      return Optional.empty();
    }

    @Override
    public Optional<Rejected<T>> rejection() {
      return Optional.of(this);
    }

    @Override
    public T orThrow() {
      throw new InventoryRejectedException(reason, detail);
    }

    @Override
    public String toString() {
      return "Rejected[" + reason + ": " + detail + "]";
    }
  }
}
