package dev.omnichannel.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.OmnichannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * number; sequences grow longer over the run. On failure the runner removes chunks of commands,
 * then single commands, as long as the shortened sequence still fails the same way (commands whose
 * {@link ModelBasedSpec#precondition precondition} no longer holds are skipped), and throws a
 * {@link PropertyFailure} whose {@link PropertyFailure#shrunk() shrunk()} is the shortest failing
 * {@code List} of commands found.
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
     * @throws OmnichannelException if the spec fails to create a model, a system or a command
     */
    public void check() {
      Runs.Settings settings = Runs.Settings.resolve(seed, runs, DEFAULT_RUNS);
      for (int index = 0; index < settings.tries(); index++) {
        GenContext context = settings.context(index);
        int length = Gens.length(context, 1, maxCommands);
        Execution<C> execution = generateAndRun(settings, index, context, length);
        Throwable failure = execution.outcome().failure();
        if (failure != null) {
          throw failure(settings, index, execution.commands(), failure);
        }
      }
    }

    private Execution<C> generateAndRun(
        Runs.Settings settings, int index, GenContext context, int length) {
      M model = spec.newModel();
      S system = spec.newSystem();
      List<C> commands = new ArrayList<>(length);
      Outcome outcome = Outcome.PASSED;
      try {
        for (int i = 0; i < length && outcome.failure() == null; i++) {
          C command = nextCommand(settings, index, context, model);
          if (!spec.precondition(model, command)) {
            continue;
          }
          commands.add(command);
          outcome = stepAndCheck(model, system, command);
        }
      } finally {
        outcome = close(system, outcome);
      }
      return new Execution<>(ImmutableList.copyOf(commands), outcome);
    }

    private C nextCommand(Runs.Settings settings, int index, GenContext context, M model) {
      try {
        return spec.commands(model).generate(context);
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

    /** Runs {@code commands} on a fresh model and system, skipping commands not allowed. */
    private Execution<C> replay(List<C> commands) {
      M model = spec.newModel();
      S system = spec.newSystem();
      List<C> executed = new ArrayList<>(commands.size());
      Outcome outcome = Outcome.PASSED;
      try {
        for (C command : commands) {
          if (!spec.precondition(model, command)) {
            continue;
          }
          executed.add(command);
          outcome = stepAndCheck(model, system, command);
          if (outcome.failure() != null) {
            break;
          }
        }
      } finally {
        outcome = close(system, outcome);
      }
      return new Execution<>(ImmutableList.copyOf(executed), outcome);
    }

    private Outcome stepAndCheck(M model, S system, C command) {
      return Outcome.of(
          () -> {
            spec.step(model, system, command);
            spec.invariants(model, system);
          });
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
        Runs.Settings settings, int index, ImmutableList<C> original, Throwable failure) {
      ImmutableList<C> current = original;
      Throwable currentFailure = failure;
      int steps = 0;
      int[] shrinkRuns = {0};
      while (shrinkRuns[0] < maxShrinks) {
        Optional<Execution<C>> next =
            Gens.removals(current, 1)
                .takeWhile(candidate -> shrinkRuns[0] < maxShrinks)
                .map(
                    candidate -> {
                      shrinkRuns[0]++;
                      return replay(candidate);
                    })
                .filter(execution -> execution.outcome().failsLike(failure))
                .findFirst();
        if (next.isEmpty()) {
          break;
        }
        current = next.get().commands();
        currentFailure = Objects.requireNonNull(next.get().outcome().failure());
        steps++;
      }
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
              + original.size()
              + "): "
              + Show.show(original)
              + "\n  shrunk commands ("
              + current.size()
              + ", after "
              + steps
              + " shrink steps in "
              + shrinkRuns[0]
              + " replays):"
              + numbered(current)
              + "\n  failure: "
              + Runs.describe(currentFailure);
      return new PropertyFailure(
          message, currentFailure, settings.seed(), index + 1, original, current, steps);
    }

    private static String numbered(List<?> commands) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < commands.size(); i++) {
        out.append("\n    ").append(i + 1).append(". ").append(Show.show(commands.get(i)));
      }
      return out.toString();
    }
  }

  private record Execution<C>(ImmutableList<C> commands, Outcome outcome) {}
}
