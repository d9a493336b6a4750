package dev.omnichannel.testkit;

/**
 * Describes a model-based (stateful) test: random command sequences run against a system under test
 * and a simple reference model side by side, compared after every command.
 *
 * <pre>{@code
 * final class CounterSpec implements ModelBasedSpec<int[], Counter, String> {
 *   public int[] newModel() { return new int[1]; }
 *   public Counter newSystem() { return new Counter(); }
 *   public Gen<String> commands(int[] model) {
 *     return model[0] > 0 ? Gen.elements(List.of("inc", "dec")) : Gen.constant("inc");
 *   }
 *   public boolean precondition(int[] model, String command) {
 *     return !command.equals("dec") || model[0] > 0;
 *   }
 *   public void step(int[] model, Counter system, String command) {
 *     if (command.equals("inc")) { model[0]++; system.increment(); }
 *     else { model[0]--; system.decrement(); }
 *     assertEquals(model[0], system.value());
 *   }
 * }
 *
 * ModelBasedRunner.forSpec(new CounterSpec()).check();
 * }</pre>
 *
 * <p>Commands should be values with a readable {@code toString} (records are ideal): the failure
 * message lists them.
 *
 * @param <M> the type of the mutable reference model
 * @param <S> the type of the system under test
 * @param <C> the type of the commands
 * @since 0.1.0
 */
public interface ModelBasedSpec<M, S, C> {

  /** Returns a fresh reference model; it is mutated by {@link #step}. */
  M newModel();

  /** Returns a fresh system under test. */
  S newSystem();

  /** Returns a generator of the commands that make sense in the model's current state. */
  Gen<C> commands(M model);

  /**
   * Returns whether {@code command} may run in the model's current state. Checked before every
   * command, also when shrinking replays a shorter sequence; a command whose precondition no longer
   * holds is skipped. The default allows every command.
   */
  default boolean precondition(M model, C command) {
    return true;
  }

  /**
   * Runs {@code command} on the model and on the system and compares their outcomes; throws an
   * {@link AssertionError} (or any exception) when they disagree.
   */
  void step(M model, S system, C command);

  /**
   * Checks what must hold after every step; throws when it does not. The default checks nothing.
   */
  default void invariants(M model, S system) {}

  /** Releases the system after a sequence ran. The default does nothing. */
  default void close(S system) {}
}
