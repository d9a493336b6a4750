package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.Longs;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why a plan is what it is: every node of the network and why it was excluded or what it would
 * cost, the objective the plan was compared by, the best alternative found and the criterion that
 * separated them. Immutable and thread-safe.
 *
 * <p>The router works out everything an explanation says while it routes, but makes the node
 * assessments and the boxed keys only when they are first asked for; a plan that is acted on
 * without its explanation being read does not pay for them. Two explanations are equal when every
 * accessor returns equal values.
 *
 * @since 0.1.0
 */
public final class Explanation {
  private final @Nullable AssessedNodes facts;
  private volatile @Nullable ImmutableList<NodeAssessment> nodes;
  private final ImmutableList<String> objective;
  private final long[] planKey;
  private final Optional<String> runnerUp;
  private final long[] runnerUpKey;
  private final String decidedBy;
  private final long searchSteps;
  private final ImmutableList<String> notes;
  private volatile @Nullable Keys keys;

  /**
   * Creates the explanation.
   *
   * @param nodes every node of the network, by node id
   * @param objective the names of the objective's components, most important first; always starts
   *     with {@code UNSERVED_LINES}
   * @param planKey the plan's value for each component of {@code objective}
   * @param runnerUp the best alternative considered, described in words, if there was one
   * @param runnerUpKey the alternative's value for each component, empty without one
   * @param decidedBy the first component in which the plan beat the alternative; {@code
   *     ONLY_OPTION} without one, {@code NODE_ID} when only the final tie-break separated them
   * @param searchSteps the search steps taken
   * @param notes further facts worth telling (budget exhausted, fallbacks taken)
   * @throws NullPointerException if an argument or an element of a list is null
   */
  public Explanation(
      ImmutableList<NodeAssessment> nodes,
      ImmutableList<String> objective,
      ImmutableList<Long> planKey,
      Optional<String> runnerUp,
      ImmutableList<Long> runnerUpKey,
      String decidedBy,
      long searchSteps,
      ImmutableList<String> notes) {
    this(
        null,
        checkNotNull(nodes, "nodes"),
        objective,
        Longs.toArray(checkNotNull(planKey, "planKey")),
        runnerUp,
        Longs.toArray(checkNotNull(runnerUpKey, "runnerUpKey")),
        decidedBy,
        searchSteps,
        notes);
  }

  /**
   * Creates an explanation from {@code nodes}, or, for a route call, from {@code facts}: then its
   * node assessments are made when first asked for. Exactly one of the two is given. Takes
   * ownership of both key arrays.
   */
  Explanation(
      @Nullable AssessedNodes facts,
      @Nullable ImmutableList<NodeAssessment> nodes,
      ImmutableList<String> objective,
      long[] planKey,
      Optional<String> runnerUp,
      long[] runnerUpKey,
      String decidedBy,
      long searchSteps,
      ImmutableList<String> notes) {
    if ((facts == null) == (nodes == null)) {
      throw new IllegalArgumentException("exactly one of facts and nodes");
    }
    this.facts = facts;
    this.nodes = nodes;
    this.objective = checkNotNull(objective, "objective");
    this.planKey = planKey;
    this.runnerUp = checkNotNull(runnerUp, "runnerUp");
    this.runnerUpKey = runnerUpKey;
    this.decidedBy = checkNotNull(decidedBy, "decidedBy");
    this.searchSteps = searchSteps;
    this.notes = checkNotNull(notes, "notes");
  }

  /** Returns every node of the network, by node id. */
  public ImmutableList<NodeAssessment> nodes() {
    ImmutableList<NodeAssessment> made = nodes;
    if (made == null) {
      // Threads that race here each make an equal list, and any of them may be the one kept.
      made = checkNotNull(facts, "facts").assess();
      nodes = made;
    }
    return made;
  }

  /** Returns the assessment of the nodes that were candidates. */
  public ImmutableList<NodeAssessment> candidates() {
    return nodes().stream()
        .filter(NodeAssessment::isCandidate)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the names of the objective's components, most important first; always starts with
   * {@code UNSERVED_LINES}.
   */
  public ImmutableList<String> objective() {
    return objective;
  }

  /** Returns the plan's value for each component of {@link #objective}. */
  public ImmutableList<Long> planKey() {
    return keys().plan;
  }

  /** Returns the best alternative considered, described in words, if there was one. */
  public Optional<String> runnerUp() {
    return runnerUp;
  }

  /**
   * Returns the alternative's value for each component of {@link #objective}, empty without one.
   */
  public ImmutableList<Long> runnerUpKey() {
    return keys().runnerUp;
  }

  /**
   * Returns the first component in which the plan beat the alternative; {@code ONLY_OPTION} without
   * one, {@code NODE_ID} when only the final tie-break separated them.
   */
  public String decidedBy() {
    return decidedBy;
  }

  /** Returns the search steps taken. */
  public long searchSteps() {
    return searchSteps;
  }

  /** Returns further facts worth telling (budget exhausted, fallbacks taken). */
  public ImmutableList<String> notes() {
    return notes;
  }

  private Keys keys() {
    Keys made = keys;
    if (made == null) {
      made =
          new Keys(
              ImmutableList.copyOf(Longs.asList(planKey)),
              ImmutableList.copyOf(Longs.asList(runnerUpKey)));
      keys = made;
    }
    return made;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Explanation e
        && searchSteps == e.searchSteps
        && decidedBy.equals(e.decidedBy)
        && Arrays.equals(planKey, e.planKey)
        && Arrays.equals(runnerUpKey, e.runnerUpKey)
        && objective.equals(e.objective)
        && runnerUp.equals(e.runnerUp)
        && notes.equals(e.notes)
        && nodes().equals(e.nodes());
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        nodes(), objective, planKey(), runnerUp, runnerUpKey(), decidedBy, searchSteps, notes);
  }

  @Override
  public String toString() {
    return "Explanation[nodes="
        + nodes()
        + ", objective="
        + objective
        + ", planKey="
        + planKey()
        + ", runnerUp="
        + runnerUp
        + ", runnerUpKey="
        + runnerUpKey()
        + ", decidedBy="
        + decidedBy
        + ", searchSteps="
        + searchSteps
        + ", notes="
        + notes
        + "]";
  }

  /** The keys, boxed once. */
  private static final class Keys {
    final ImmutableList<Long> plan;
    final ImmutableList<Long> runnerUp;

    Keys(ImmutableList<Long> plan, ImmutableList<Long> runnerUp) {
      this.plan = plan;
      this.runnerUp = runnerUp;
    }
  }
}
