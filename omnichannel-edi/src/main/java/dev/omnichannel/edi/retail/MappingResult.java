package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.edi.Finding;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of mapping a transaction set to a typed document: the value, or the findings that
 * prevented it (each positioned at the segment concerned). Immutable and thread-safe.
 *
 * @param <T> the document type
 * @since 0.1.0
 */
public final class MappingResult<T> {
  private final @Nullable T value;
  private final ImmutableList<Finding> problems;

  private MappingResult(@Nullable T value, ImmutableList<Finding> problems) {
    this.value = value;
    this.problems = problems;
  }

  /** Returns a successful result. */
  public static <T> MappingResult<T> of(T value) {
    checkNotNull(value, "value");
    return new MappingResult<>(value, ImmutableList.of());
  }

  /** Returns a failed result; at least one problem. */
  public static <T> MappingResult<T> failed(Iterable<Finding> problems) {
    ImmutableList<Finding> p = ImmutableList.copyOf(problems);
    checkArgument(!p.isEmpty(), "a failed mapping has at least one problem");
    return new MappingResult<>(null, p);
  }

  /** Returns the document, or empty when mapping failed. */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** Returns why mapping failed; empty on success. */
  public ImmutableList<Finding> problems() {
    return problems;
  }

  /** Returns whether mapping succeeded. */
  public boolean isSuccess() {
    return value != null;
  }

  /**
   * Returns the document.
   *
   * @throws IllegalStateException if mapping failed, with the problems in the message
   */
  public T orElseThrow() {
    if (value == null) {
      throw new IllegalStateException("mapping failed: " + problems);
    }
    return value;
  }

  @Override
  public String toString() {
    return value != null ? "MappingResult[" + value + "]" : "MappingResult" + problems;
  }
}
