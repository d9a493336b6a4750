package dev.omnichannel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.core.OmnichannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelBasedRunnerTest {

  // ---- a counter whose bug shows only after five increments in a row ----

  enum CounterCommand {
    INC,
    DEC,
    RESET
  }

  static final class Counter {
    private final int cap;
    private int value;

    Counter(int cap) {
      this.cap = cap;
    }

    void increment() {
      value = Math.min(cap, value + 1);
    }

    void decrement() {
      value--;
    }

    void reset() {
      value = 0;
    }

    int value() {
      return value;
    }
  }

  static final class CounterSpec implements ModelBasedSpec<int[], Counter, CounterCommand> {
    private final int cap;
    int systems;
    int closed;

    CounterSpec(int cap) {
      this.cap = cap;
    }

    @Override
    public int[] newModel() {
      return new int[1];
    }

    @Override
    public Counter newSystem() {
      systems++;
      return new Counter(cap);
    }

    @Override
    public Gen<CounterCommand> commands(int[] model) {
      return Gen.frequency(
          List.of(
              Map.entry(4, Gen.constant(CounterCommand.INC)),
              Map.entry(1, Gen.constant(CounterCommand.DEC)),
              Map.entry(1, Gen.constant(CounterCommand.RESET))));
    }

    @Override
    public void step(int[] model, Counter system, CounterCommand command) {
      switch (command) {
        case INC -> {
          model[0]++;
          system.increment();
        }
        case DEC -> {
          model[0]--;
          system.decrement();
        }
        case RESET -> {
          model[0] = 0;
          system.reset();
        }
      }
      assertEquals(model[0], system.value(), "counter value");
    }

    @Override
    public void close(Counter system) {
      closed++;
    }
  }

  @Test
  void findsTheCounterBugAndShrinksToFiveIncrements() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () -> ModelBasedRunner.forSpec(new CounterSpec(4)).seed(17).check());

    assertThat(failure.shrunk())
        .isEqualTo(
            List.of(
                CounterCommand.INC,
                CounterCommand.INC,
                CounterCommand.INC,
                CounterCommand.INC,
                CounterCommand.INC));
    assertThat((List<?>) failure.original()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
    assertThat(failure.getMessage())
        .contains("-Domnichannel.seed=17")
        .contains("shrunk commands (5")
        .contains("1. INC")
        .contains("5. INC");
  }

  @Test
  void counterBugIsFoundAndMinimalForManySeeds() {
    for (long seed = 100; seed < 120; seed++) {
      long s = seed;
      PropertyFailure failure =
          catchThrowableOfType(
              PropertyFailure.class,
              () -> ModelBasedRunner.forSpec(new CounterSpec(4)).seed(s).check());
      assertThat(failure).as("seed %s", seed).isNotNull();
      assertThat(failure.shrunk())
          .as("seed %s", seed)
          .isEqualTo(Collections.nCopies(5, CounterCommand.INC));
    }
  }

  @Test
  void correctCounterPassesAndEverySystemIsClosed() {
    CounterSpec spec = new CounterSpec(Integer.MAX_VALUE);
    ModelBasedRunner.forSpec(spec).seed(5).runs(40).check();
    assertThat(spec.systems).isEqualTo(40);
    assertThat(spec.closed).isEqualTo(40);
  }

  @Test
  void printedSeedRepeatsTheSameSequences() {
    PropertyFailure first =
        catchThrowableOfType(
            PropertyFailure.class, () -> ModelBasedRunner.forSpec(new CounterSpec(6)).check());
    PropertyFailure again =
        catchThrowableOfType(
            PropertyFailure.class,
            () -> ModelBasedRunner.forSpec(new CounterSpec(6)).seed(first.seed()).check());
    assertThat(again.tryNumber()).isEqualTo(first.tryNumber());
    assertThat(again.original()).isEqualTo(first.original());
    assertThat(again.shrunk()).isEqualTo(first.shrunk());
    assertThat(again.getMessage()).isEqualTo(first.getMessage());
  }

  // ---- a bounded stack whose push overwrites the top when full ----

  sealed interface StackCommand permits Push, Pop {}

  record Push(int value) implements StackCommand {}

  record Pop() implements StackCommand {}

  static final class BoundedStack {
    private final int capacity;
    private final boolean overwriteWhenFull;
    private final Deque<Integer> items = new ArrayDeque<>();

    BoundedStack(int capacity, boolean overwriteWhenFull) {
      this.capacity = capacity;
      this.overwriteWhenFull = overwriteWhenFull;
    }

    boolean push(int value) {
      if (items.size() == capacity) {
        if (overwriteWhenFull) {
          items.pop();
          items.push(value);
        }
        return false;
      }
      items.push(value);
      return true;
    }

    Optional<Integer> pop() {
      return Optional.ofNullable(items.poll());
    }

    int size() {
      return items.size();
    }
  }

  static final class StackSpec
      implements ModelBasedSpec<Deque<Integer>, BoundedStack, StackCommand> {
    static final int CAPACITY = 3;
    private final boolean buggy;

    StackSpec(boolean buggy) {
      this.buggy = buggy;
    }

    @Override
    public Deque<Integer> newModel() {
      return new ArrayDeque<>();
    }

    @Override
    public BoundedStack newSystem() {
      return new BoundedStack(CAPACITY, buggy);
    }

    @Override
    public Gen<StackCommand> commands(Deque<Integer> model) {
      Gen<StackCommand> push = Gen.ints(0, 99).map(Push::new);
      return model.isEmpty() ? push : Gen.oneOf(push, Gen.constant(new Pop()));
    }

    @Override
    public boolean precondition(Deque<Integer> model, StackCommand command) {
      return !(command instanceof Pop) || !model.isEmpty();
    }

    @Override
    public void step(Deque<Integer> model, BoundedStack system, StackCommand command) {
      if (command instanceof Push push) {
        boolean fits = model.size() < CAPACITY;
        if (fits) {
          model.push(push.value());
        }
        assertEquals(fits, system.push(push.value()), "push accepted");
      } else {
        if (model.isEmpty()) {
          throw new IllegalStateException("pop ran although its precondition did not hold");
        }
        assertEquals(Optional.of(model.pop()), system.pop(), "popped value");
      }
    }

    @Override
    public void invariants(Deque<Integer> model, BoundedStack system) {
      assertEquals(model.size(), system.size(), "size");
    }
  }

  @Test
  void findsTheStackBugAndShrinksToFillOverflowPop() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () -> ModelBasedRunner.forSpec(new StackSpec(true)).seed(3).check());

    @SuppressWarnings("unchecked")
    List<StackCommand> shrunk = (List<StackCommand>) failure.shrunk();
    // Three pushes fill the stack, the fourth overwrites the top, the pop shows it.
    assertThat(shrunk).hasSize(5);
    assertThat(shrunk.subList(0, 4)).allSatisfy(c -> assertThat(c).isInstanceOf(Push.class));
    assertThat(shrunk.get(4)).isInstanceOf(Pop.class);
    assertThat(((Push) shrunk.get(3)).value()).isNotEqualTo(((Push) shrunk.get(2)).value());
    // Shrinking removed pushes that earlier pops needed; those pops were skipped, never run.
    assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
    assertThat(failure.getCause()).hasMessageContaining("popped value");
  }

  @Test
  void correctStackPasses() {
    ModelBasedRunner.forSpec(new StackSpec(false)).seed(8).runs(60).maxCommands(40).check();
  }

  // ---- a set whose size counts duplicates: caught by the invariant ----

  record Add(int value) {}

  static final class LeakySet {
    private final Set<Integer> items = new HashSet<>();
    private int size;

    void add(int value) {
      items.add(value);
      size++;
    }

    int size() {
      return size;
    }
  }

  @Test
  void brokenInvariantIsCaughtAndShrunk() {
    ModelBasedSpec<Set<Integer>, LeakySet, Add> spec =
        new ModelBasedSpec<>() {
          @Override
          public Set<Integer> newModel() {
            return new HashSet<>();
          }

          @Override
          public LeakySet newSystem() {
            return new LeakySet();
          }

          @Override
          public Gen<Add> commands(Set<Integer> model) {
            return Gen.ints(0, 20).map(Add::new);
          }

          @Override
          public void step(Set<Integer> model, LeakySet system, Add command) {
            model.add(command.value());
            system.add(command.value());
          }

          @Override
          public void invariants(Set<Integer> model, LeakySet system) {
            assertEquals(model.size(), system.size(), "size");
          }
        };
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class, () -> ModelBasedRunner.forSpec(spec).seed(1).check());
    @SuppressWarnings("unchecked")
    List<Add> shrunk = (List<Add>) failure.shrunk();
    assertThat(shrunk).hasSize(2);
    assertThat(shrunk.get(0)).isEqualTo(shrunk.get(1));
  }

  @Test
  void sequencesGrowOverTheRunWithinMaxCommands() {
    List<Integer> lengths = new ArrayList<>();
    ModelBasedSpec<Object, int[], Integer> countingSpec =
        new ModelBasedSpec<>() {
          @Override
          public Object newModel() {
            return new Object();
          }

          @Override
          public int[] newSystem() {
            return new int[1];
          }

          @Override
          public Gen<Integer> commands(Object model) {
            return Gen.ints(0, 9);
          }

          @Override
          public void step(Object model, int[] system, Integer command) {
            system[0]++;
          }

          @Override
          public void close(int[] system) {
            lengths.add(system[0]);
          }
        };
    ModelBasedRunner.forSpec(countingSpec).seed(2).runs(30).maxCommands(12).check();
    assertThat(lengths).hasSize(30).allSatisfy(n -> assertThat(n).isBetween(1, 12));
    assertThat(lengths.get(0)).isEqualTo(1);
    assertThat(lengths.subList(20, 30).stream().mapToInt(Integer::intValue).max().orElseThrow())
        .isGreaterThan(6);
  }

  @Test
  void commandGeneratorFailureIsReportedAsSuch() {
    ModelBasedSpec<int[], int[], Integer> spec =
        new ModelBasedSpec<>() {
          @Override
          public int[] newModel() {
            return new int[1];
          }

          @Override
          public int[] newSystem() {
            return new int[1];
          }

          @Override
          public Gen<Integer> commands(int[] model) {
            return Gen.ints(0, 3).filter(x -> x > 3);
          }

          @Override
          public void step(int[] model, int[] system, Integer command) {}
        };
    assertThatThrownBy(() -> ModelBasedRunner.forSpec(spec).seed(4).check())
        .isInstanceOf(OmnichannelException.class)
        .hasMessageContaining("Generating a command of sequence 1")
        .hasMessageContaining("too strict");
  }

  @Test
  void rejectsBadSettings() {
    ModelBasedRunner.Runner<int[], Counter, CounterCommand> runner =
        ModelBasedRunner.forSpec(new CounterSpec(1));
    assertThatThrownBy(() -> runner.runs(0)).hasMessage("runs must be positive: 0");
    assertThatThrownBy(() -> runner.maxCommands(0)).hasMessage("maxCommands must be positive: 0");
    assertThatThrownBy(() -> runner.maxShrinks(-2))
        .hasMessage("maxShrinks must not be negative: -2");
  }
}
