package dev.omnichannel.core.identity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.Locale;

/**
 * A Fellegi–Sunter match model: for each {@link Field} and {@link AgreementLevel}, the probability
 * {@code m} of that level among pairs of the same customer and {@code u} among pairs of different
 * customers, and the prior share of matches among candidate pairs. A pair's match weight is {@code
 * log2(prior / (1 - prior))} plus {@code log2(m / u)} of each compared field; missing fields weigh
 * nothing.
 *
 * <p>{@link #estimate} learns the model from unlabelled candidate pairs by
 * expectation-maximisation. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class MatchModel {
  private static final int LEVELS = AgreementLevel.COMPARED;
  private static final double SMOOTHING = 0.5;

  private final double prior;
  private final double[][] m;
  private final double[][] u;
  private final double[][] weights;
  private final double priorWeight;

  /** Per field and level (missing included), how far the weight is below the field's best. */
  private final double[][] shortfalls;

  /** Per field, the least shortfall of the compared levels other than exact. */
  private final double[] leastShortfallsUnlessExact;

  /** The highest score a pair can reach: every field at its best weight, or missing. */
  private final double maxScore;

  private final int iterations;

  private MatchModel(double prior, double[][] m, double[][] u, int iterations) {
    this.prior = prior;
    this.m = m;
    this.u = u;
    this.iterations = iterations;
    this.weights = new double[m.length][LEVELS];
    for (int f = 0; f < m.length; f++) {
      for (int l = 0; l < LEVELS; l++) {
        weights[f][l] = log2(m[f][l] / u[f][l]);
      }
    }
    this.priorWeight = log2(prior / (1 - prior));
    this.shortfalls = new double[m.length][LEVELS + 1];
    this.leastShortfallsUnlessExact = new double[m.length];
    double max = priorWeight;
    for (int f = 0; f < m.length; f++) {
      // Missing weighs nothing, so a field's best is never below zero.
      double best = 0;
      for (int l = 0; l < LEVELS; l++) {
        best = Math.max(best, weights[f][l]);
      }
      for (int l = 0; l < LEVELS; l++) {
        shortfalls[f][l] = best - weights[f][l];
      }
      shortfalls[f][LEVELS] = best;
      max += best;
      leastShortfallsUnlessExact[f] =
          Math.min(
              shortfalls[f][Comparison.CLOSE],
              Math.min(shortfalls[f][Comparison.WEAK], shortfalls[f][Comparison.DIFFERENT]));
    }
    this.maxScore = max;
  }

  /**
   * Returns a model with hand-set probabilities, for a graph that starts empty. Prefer a model
   * {@linkplain #estimate estimated} from the host's own records.
   */
  public static MatchModel defaults() {
    double[][] m = new double[Field.ALL.length][];
    double[][] u = new double[Field.ALL.length][];
    for (Field f : Field.ALL) {
      m[f.index] = new double[] {0.88, 0.07, 0.03, 0.02};
      u[f.index] =
          switch (f) {
            case REGION -> new double[] {0.3, 0.01, 0.01, 0.68};
            case HOUSE_NUMBER -> new double[] {0.1, 0.05, 0.05, 0.8};
            default -> new double[] {0.03, 0.03, 0.09, 0.85};
          };
    }
    return new MatchModel(0.1, m, u, 0);
  }

  /**
   * Returns a model with the given prior and probabilities.
   *
   * @param prior the share of matches among candidate pairs, strictly between 0 and 1
   * @param m per field (by ordinal), the probabilities of the four compared levels among matches
   * @param u per field (by ordinal), the probabilities of the four compared levels among
   *     non-matches
   * @throws IllegalArgumentException if a probability is not strictly between 0 and 1 or a shape is
   *     wrong
   */
  public static MatchModel of(double prior, double[][] m, double[][] u) {
    checkArgument(prior > 0 && prior < 1, "prior must be between 0 and 1: %s", prior);
    return new MatchModel(prior, checked("m", m), checked("u", u), 0);
  }

  private static double[][] checked(String name, double[][] p) {
    checkNotNull(p, "%s must not be null", name);
    checkArgument(
        p.length == Field.ALL.length, "%s needs %s fields: %s", name, Field.ALL.length, p.length);
    double[][] copy = new double[p.length][];
    for (int f = 0; f < p.length; f++) {
      checkArgument(
          p[f] != null && p[f].length == LEVELS, "%s[%s] needs %s levels", name, f, LEVELS);
      for (double x : p[f]) {
        checkArgument(x > 0 && x < 1, "%s[%s] must be between 0 and 1: %s", name, f, x);
      }
      copy[f] = p[f].clone();
    }
    return copy;
  }

  /**
   * Estimates a model from comparison vectors of candidate pairs by expectation-maximisation, no
   * labels needed. Deterministic: the same vectors in any order give the same model.
   */
  static MatchModel estimate(long[] vectors, int maxIterations) {
    if (vectors.length == 0) {
      return defaults();
    }
    long[] sorted = vectors.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    long[] patterns = new long[sorted.length];
    double[] counts = new double[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      if (distinct > 0 && patterns[distinct - 1] == sorted[i]) {
        counts[distinct - 1]++;
      } else {
        patterns[distinct] = sorted[i];
        counts[distinct++] = 1;
      }
    }
    int fields = Field.ALL.length;
    int[][] levels = new int[distinct][fields];
    for (int p = 0; p < distinct; p++) {
      for (Field f : Field.ALL) {
        levels[p][f.index] = Comparison.level(patterns[p], f);
      }
    }
    double[][] m = new double[fields][];
    double[][] u = new double[fields][LEVELS];
    double[][] tally = new double[fields][LEVELS];
    for (int p = 0; p < distinct; p++) {
      for (int f = 0; f < fields; f++) {
        int l = levels[p][f];
        if (l < LEVELS) {
          tally[f][l] += counts[p];
        }
      }
    }
    for (int f = 0; f < fields; f++) {
      m[f] = new double[] {0.9, 0.05, 0.03, 0.02};
      // Most candidate pairs are non-matches: start u at the observed level frequencies.
      u[f] = normalise(tally[f]);
    }
    double prior = 0.1;
    int iteration = 0;
    double[][] mAcc = new double[fields][LEVELS];
    double[][] uAcc = new double[fields][LEVELS];
    double[][] logM = new double[fields][LEVELS];
    double[][] logU = new double[fields][LEVELS];
    while (iteration < maxIterations) {
      iteration++;
      for (int f = 0; f < fields; f++) {
        Arrays.fill(mAcc[f], 0);
        Arrays.fill(uAcc[f], 0);
        for (int l = 0; l < LEVELS; l++) {
          logM[f][l] = Math.log(m[f][l]);
          logU[f][l] = Math.log(u[f][l]);
        }
      }
      double logPrior = Math.log(prior);
      double logNotPrior = Math.log(1 - prior);
      double matches = 0;
      double total = 0;
      for (int p = 0; p < distinct; p++) {
        double lm = logPrior;
        double lu = logNotPrior;
        int[] lv = levels[p];
        for (int f = 0; f < fields; f++) {
          int l = lv[f];
          if (l < LEVELS) {
            lm += logM[f][l];
            lu += logU[f][l];
          }
        }
        double g = 1.0 / (1.0 + Math.exp(lu - lm));
        double c = counts[p];
        matches += g * c;
        total += c;
        for (int f = 0; f < fields; f++) {
          int l = lv[f];
          if (l < LEVELS) {
            mAcc[f][l] += g * c;
            uAcc[f][l] += (1 - g) * c;
          }
        }
      }
      double newPrior = clamp(matches / total);
      double change = Math.abs(newPrior - prior);
      for (int f = 0; f < fields; f++) {
        double[] nm = normalise(mAcc[f]);
        double[] nu = normalise(uAcc[f]);
        for (int l = 0; l < LEVELS; l++) {
          change = Math.max(change, Math.abs(nm[l] - m[f][l]));
          change = Math.max(change, Math.abs(nu[l] - u[f][l]));
        }
        m[f] = nm;
        u[f] = nu;
      }
      prior = newPrior;
      if (change < 1e-7) {
        break;
      }
    }
    // EM can converge with the classes exchanged; matches are the class that agrees exactly more.
    int agreeing = 0;
    for (int f = 0; f < fields; f++) {
      if (m[f][0] >= u[f][0]) {
        agreeing++;
      }
    }
    if (agreeing * 2 < fields) {
      return new MatchModel(clamp(1 - prior), u, m, iteration);
    }
    return new MatchModel(prior, m, u, iteration);
  }

  private static double[] normalise(double[] counts) {
    double sum = 0;
    for (double c : counts) {
      sum += c;
    }
    double[] p = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      p[i] = (counts[i] + SMOOTHING) / (sum + SMOOTHING * counts.length);
    }
    return p;
  }

  private static double clamp(double p) {
    return Math.min(1 - 1e-9, Math.max(1e-9, p));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** Returns the prior share of matches among candidate pairs. */
  public double prior() {
    return prior;
  }

  /** Returns the probability of {@code level} on {@code field} among matching pairs. */
  public double m(Field field, AgreementLevel level) {
    checkArgument(level != AgreementLevel.MISSING, "MISSING has no probability");
    return m[field.index][level.code];
  }

  /** Returns the probability of {@code level} on {@code field} among non-matching pairs. */
  public double u(Field field, AgreementLevel level) {
    checkArgument(level != AgreementLevel.MISSING, "MISSING has no probability");
    return u[field.index][level.code];
  }

  /** Returns {@code log2(m / u)} of {@code level} on {@code field}; 0 for {@code MISSING}. */
  public double weight(Field field, AgreementLevel level) {
    return level == AgreementLevel.MISSING ? 0 : weights[field.index][level.code];
  }

  /** Returns the number of EM iterations that produced the model; 0 when it was set by hand. */
  public int iterations() {
    return iterations;
  }

  /** Returns the prior's weight, {@code log2(prior / (1 - prior))}. */
  public double priorWeight() {
    return priorWeight;
  }

  double score(long vector) {
    double s = priorWeight;
    for (int f = 0; f < weights.length; f++) {
      int l = (int) ((vector >>> (3 * f)) & 7);
      if (l < LEVELS) {
        s += weights[f][l];
      }
    }
    return s;
  }

  /** Returns the highest score any pair can reach under this model. */
  double maxScore() {
    return maxScore;
  }

  /**
   * Returns how much lower the score is for {@code level} (a {@link Comparison} level, missing
   * included) on {@code field} than for the field's best level: never negative.
   */
  double shortfall(Field field, int level) {
    return shortfalls[field.index][level];
  }

  /**
   * Returns the least {@linkplain #shortfall shortfall} of {@code field} when both records have a
   * value and the values are not equal.
   */
  double leastShortfallUnlessExact(Field field) {
    return leastShortfallsUnlessExact[field.index];
  }

  /** Returns the match probability of a total match weight. */
  static double probability(double weight) {
    return 1.0 / (1.0 + Math.pow(2, -weight));
  }

  /** Returns the match weight of a probability. */
  static double weightOf(double probability) {
    return log2(probability / (1 - probability));
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "prior %.4f after %d iterations", prior, iterations));
    for (Field f : Field.ALL) {
      s.append(String.format(Locale.ROOT, "%n%-14s", f));
      for (AgreementLevel l : AgreementLevel.ALL) {
        if (l != AgreementLevel.MISSING) {
          s.append(
              String.format(
                  Locale.ROOT,
                  " %s m=%.3f u=%.3f w=%+.2f",
                  l,
                  m[f.index][l.code],
                  u[f.index][l.code],
                  weights[f.index][l.code]));
        }
      }
    }
    return s.toString();
  }
}
