package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * Why a plan is what it is: every node of the network and why it was excluded or what it would
 * cost, the objective the plan was compared by, the best alternative found and the criterion that
 * separated them. Immutable and thread-safe.
 *
 * @param nodes every node of the network, by node id
 * @param objective the names of the objective's components, most important first; always starts
 *     with {@code UNSERVED_LINES}
 * @param planKey the plan's value for each component of {@link #objective}
 * @param runnerUp the best alternative considered, described in words, if there was one
 * @param runnerUpKey the alternative's value for each component, empty without one
 * @param decidedBy the first component in which the plan beat the alternative; {@code ONLY_OPTION}
 *     without one, {@code NODE_ID} when only the final tie-break separated them
 * @param searchSteps the search steps taken
 * @param notes further facts worth telling (budget exhausted, fallbacks taken)
 * @since 0.1.0
 */
public record Explanation(
    ImmutableList<NodeAssessment> nodes,
    ImmutableList<String> objective,
    ImmutableList<Long> planKey,
    Optional<String> runnerUp,
    ImmutableList<Long> runnerUpKey,
    String decidedBy,
    long searchSteps,
    ImmutableList<String> notes) {
  /** Creates the explanation. */
  public Explanation {
    checkNotNull(nodes, "nodes");
    checkNotNull(objective, "objective");
    checkNotNull(planKey, "planKey");
    checkNotNull(runnerUp, "runnerUp");
    checkNotNull(runnerUpKey, "runnerUpKey");
    checkNotNull(decidedBy, "decidedBy");
    checkNotNull(notes, "notes");
  }

  /** Returns the assessment of the nodes that were candidates. */
  public ImmutableList<NodeAssessment> candidates() {
    return nodes.stream()
        .filter(NodeAssessment::isCandidate)
        .collect(ImmutableList.toImmutableList());
  }
}
