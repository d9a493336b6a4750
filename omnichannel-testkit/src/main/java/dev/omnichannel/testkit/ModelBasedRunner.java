package dev.omnichannel.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.OmnichannelException;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link ModelBasedSpec}: generates random command sequences, runs each against a fresh
 * model and a fresh system, and on a disagreement shrinks the sequence by removing commands.
 *
 * <pre>{@code
 * ModelBasedRunner.forSpec(new CounterSpec()).runs(200).maxCommands(30).check();
 * }</pre>
 *
 * <p>Every sequence draws from its own random source derived from the run's seed and the sequence
 * number; sequences grow longer over the run. On failure the runner replays shorter sequences on a
 * fresh model and system: it removes chunks of commands, then single commands, then shrinks single
 * commands through the generator that made them, keeping each change while the sequence still fails
 * the same way (same exception class). Commands whose {@link ModelBasedSpec#precondition
 * precondition} no longer holds are skipped during a replay, and a replay stops at the first
 * failure. It then throws a {@link PropertyFailure} whose {@link PropertyFailure#shrunk() shrunk()}
 * is the smallest failing {@code List} of commands found.
 *
 * @since 0.1.0
 */
public final class ModelBasedRunner {
  /** The number of sequences when neither code nor {@code omnichannel.tries} says otherwise. */
  public static final int DEFAULT_RUNS = 100;

  /** The default bound on the length of one sequence. */
  public static final int DEFAULT_MAX_COMMANDS = 50;

  private ModelBasedRunner() {}

  /** Returns a runner of {@code spec}. */
  public static <M, S, C> Runner<M, S, C> forSpec(ModelBasedSpec<M, S, C> spec) {
    return new Runner<>(checkNotNull(spec, "spec"));
  }

  /**
   * Configures and runs one model-based check. Mutable and not thread-safe; configure it in one
   * expression and call {@link #check} once.
   *
   * @param <M> the type of the reference model
   * @param <S> the type of the system under test
   * @param <C> the type of the commands
   * @since 0.1.0
   */
  public static final class Runner<M, S, C> {
    private final ModelBasedSpec<M, S, C> spec;
    private @Nullable Integer runs;
    private int maxCommands = DEFAULT_MAX_COMMANDS;
    private @Nullable Long seed;
    private int maxShrinks = Property.DEFAULT_MAX_SHRINKS;

    private Runner(ModelBasedSpec<M, S, C> spec) {
      this.spec = spec;
    }

    /**
     * Sets the number of sequences to run. Without this call the runner runs {@value
     * ModelBasedRunner#DEFAULT_RUNS}, or as many as the system property {@code omnichannel.tries}
     * says.
     *
     * @throws IllegalArgumentException if {@code runs} is not positive
     */
    public Runner<M, S, C> runs(int runs) {
      checkArgument(runs > 0, "runs must be positive: %s", runs);
      this.runs = runs;
      return this;
    }

    /**
     * Bounds the length of a sequence ({@value ModelBasedRunner#DEFAULT_MAX_COMMANDS} by default).
     *
     * @throws IllegalArgumentException if {@code max} is not positive
     */
    public Runner<M, S, C> maxCommands(int max) {
      checkArgument(max > 0, "maxCommands must be positive: %s", max);
      this.maxCommands = max;
      return this;
    }

    /**
     * Fixes the seed. Without this call the runner takes the system property {@code
     * omnichannel.seed} if set, else a random seed; the failure message always prints it.
     */
    public Runner<M, S, C> seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Bounds how many shortened sequences run while shrinking ({@value
     * Property#DEFAULT_MAX_SHRINKS} by default); 0 turns shrinking off.
     *
     * @throws IllegalArgumentException if {@code steps} is negative
     */
    public Runner<M, S, C> maxShrinks(int steps) {
      checkArgument(steps >= 0, "maxShrinks must not be negative: %s", steps);
      this.maxShrinks = steps;
      return this;
    }

    /**
     * Runs the sequences.
     *
     * @throws PropertyFailure if a sequence makes the system and the model disagree (or breaks an
     *     invariant); its {@link PropertyFailure#shrunk() shrunk()} is the shortest failing {@code
     *     List} of commands found
     * @throws OmnichannelException if the spec fails to generate a command
     * @throws AssertionError if preconditions rejected every generated command, so nothing was
     *     checked
     */
    public void check() {
      Runs.Settings settings = Runs.Settings.resolve(seed, runs, DEFAULT_RUNS);
      long executed = 0;
      for (int index = 0; index < settings.tries(); index++) {
        GenContext context = settings.context(index);
        int length = Gens.length(context, 1, maxCommands);
        int sequence = index;
        int[] drawn = {0};
        Runs.Ran<List<Tree<C>>> ran =
            execute(
                model ->
                    drawn[0]++ < length ? nextCommand(settings, sequence, context, model) : null);
        Throwable failure = ran.outcome().failure();
        if (failure != null) {
          throw failure(settings, index, ran.state(), failure);
        }
        executed += ran.state().size();
      }
      if (executed == 0) {
        throw new AssertionError(
            "Preconditions rejected every generated command in "
                + settings.tries()
                + " sequences (seed "
                + settings.seed()
                + "): let commands(model) generate commands that fit the model's state");
      }
    }

    private Tree<C> nextCommand(Runs.Settings settings, int index, GenContext context, M model) {
      try {
        return Gens.treeOf(spec.commands(model), context);
      } catch (RuntimeException e) {
        throw new OmnichannelException(
            "Generating a command of sequence "
                + (index + 1)
                + " failed (seed "
                + settings.seed()
                + "; re-run with "
                + settings.rerunHint()
                + "): "
                + e.getMessage(),
            e);
      }
    }

    /** Runs {@code commands} again on a fresh model and system. */
    private Runs.Ran<List<Tree<C>>> replay(List<Tree<C>> commands) {
      Iterator<Tree<C>> remaining = commands.iterator();
      return execute(model -> remaining.hasNext() ? remaining.next() : null);
    }

    /**
     * Runs the commands of {@code source} on a fresh model and system until the source is empty, a
     * command fails or a JUnit assumption in a step does not hold, skipping commands whose
     * precondition does not hold, and closes the system. Returns the commands that ran.
     */
    private Runs.Ran<List<Tree<C>>> execute(CommandSource<M, C> source) {
      M model = spec.newModel();
      S system = spec.newSystem();
      ImmutableList.Builder<Tree<C>> executed = ImmutableList.builder();
      Outcome outcome = Outcome.PASSED;
      try {
        for (Tree<C> command = source.next(model); command != null; command = source.next(model)) {
          C value = command.value();
          if (!spec.precondition(model, value)) {
            continue;
          }
          executed.add(command);
          outcome =
              Outcome.of(
                  () -> {
                    spec.step(model, system, value);
                    spec.invariants(model, system);
                  });
          if (outcome.failure() != null || outcome.discarded()) {
            // A failed JUnit assumption inside a step ends the sequence without failing it.
            break;
          }
        }
      } finally {
        outcome = close(system, outcome);
      }
      return new Runs.Ran<>(executed.build(), outcome);
    }

    private Outcome close(S system, Outcome outcome) {
      Outcome closing = Outcome.of(() -> spec.close(system));
      Throwable stepFailure = outcome.failure();
      Throwable closeFailure = closing.failure();
      if (closeFailure == null) {
        return outcome;
      }
      if (stepFailure != null) {
        stepFailure.addSuppressed(closeFailure);
        return outcome;
      }
      return closing;
    }

    private PropertyFailure failure(
        Runs.Settings settings, int index, List<Tree<C>> original, Throwable failure) {
      Runs.Shrunk<List<Tree<C>>> shrunk =
          Runs.shrink(
              original,
              failure,
              commands -> Gens.listCandidates(commands, 1),
              this::replay,
              maxShrinks);
      ImmutableList<C> originalCommands = values(original);
      ImmutableList<C> shrunkCommands = values(shrunk.state());
      String message =
          "Model-based check failed on sequence "
              + (index + 1)
              + " of "
              + settings.tries()
              + " (seed "
              + settings.seed()
              + ")\n  re-run with: "
              + settings.rerunHint()
              + "\n  original commands ("
              + originalCommands.size()
              + "): "
              + Show.show(originalCommands)
              + "\n  shrunk commands ("
              + shrunkCommands.size()
              + ", after "
              + shrunk.steps()
              + " shrink steps in "
              + shrunk.runs()
              + " replays):"
              + numbered(shrunkCommands)
              + "\n  failure: "
              + Runs.describe(shrunk.failure());
      return new PropertyFailure(
          message,
          shrunk.failure(),
          settings.seed(),
          index + 1,
          originalCommands,
          shrunkCommands,
          shrunk.steps());
    }

    private static <C> ImmutableList<C> values(List<Tree<C>> trees) {
      return trees.stream().map(Tree::value).collect(ImmutableList.toImmutableList());
    }

    private static String numbered(List<?> commands) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < commands.size(); i++) {
        out.append("\n    ").append(i + 1).append(". ").append(Show.show(commands.get(i)));
      }
      return out.toString();
    }
  }

  /** Hands out the commands of one sequence; {@code null} when there are no more. */
  @FunctionalInterface
  private interface CommandSource<M, C> {
    @Nullable Tree<C> next(M model);
  }
}
