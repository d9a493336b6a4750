package dev.omnichannel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(IsolatedSettings.class)
class HostileTest {
  private static final byte[] VALID = "ISA*00*HELLO~GS*PO~".getBytes(StandardCharsets.US_ASCII);

  private static List<byte[]> sample(Gen<byte[]> gen, long seed, int tries) {
    List<byte[]> values = new ArrayList<>();
    Property.forAll(gen).seed(seed).tries(tries).check(values::add);
    return values;
  }

  @Test
  void randomBytesStayWithinTheLength() {
    assertThat(sample(Hostile.randomBytes(16), 1, 200))
        .allSatisfy(b -> assertThat(b.length).isBetween(0, 16))
        .anySatisfy(b -> assertThat(b).hasSize(16));
    assertThatThrownBy(() -> Hostile.randomBytes(-1))
        .hasMessage("maxLength must not be negative: -1");
  }

  @Test
  void truncationsAreEveryStrictPrefix() {
    List<byte[]> cuts = sample(Hostile.truncations(VALID), 2, 300);
    Set<Integer> lengths = new HashSet<>();
    for (byte[] cut : cuts) {
      assertThat(cut.length).isLessThan(VALID.length);
      assertThat(cut).isEqualTo(Arrays.copyOf(VALID, cut.length));
      lengths.add(cut.length);
    }
    assertThat(lengths).hasSize(VALID.length);
    assertThatThrownBy(() -> Hostile.truncations(new byte[0]))
        .hasMessage("valid must not be empty");
  }

  @Test
  void mutationsChangeTheInputBoundedly() {
    List<byte[]> mutants = sample(Hostile.mutations(VALID), 3, 300);
    long changed = mutants.stream().filter(m -> !Arrays.equals(m, VALID)).count();
    assertThat(changed).isGreaterThan(280);
    assertThat(mutants)
        .allSatisfy(m -> assertThat(m.length).isBetween(VALID.length - 8, VALID.length + 8 * 16));
    assertThat(mutants).anySatisfy(m -> assertThat(m.length).isLessThan(VALID.length));
    assertThat(mutants).anySatisfy(m -> assertThat(m.length).isGreaterThan(VALID.length));
    assertThat(sample(Hostile.mutations(new byte[0]), 3, 50))
        .as("an empty input can still grow")
        .anySatisfy(m -> assertThat(m).isNotEmpty());
  }

  @Test
  void generatorsDoNotShareTheirArraysWithTheCaller() {
    byte[] valid = VALID.clone();
    Gen<byte[]> truncations = Hostile.truncations(valid);
    Gen<byte[]> mutations = Hostile.mutations(valid);
    Arrays.fill(valid, (byte) 'x');
    assertThat(sample(truncations, 4, 20))
        .allSatisfy(cut -> assertThat(cut).isEqualTo(Arrays.copyOf(VALID, cut.length)));
    sample(mutations, 4, 20).forEach(m -> Arrays.fill(m, (byte) 0));
    assertThat(valid).containsOnly((byte) 'x');
  }

  @Test
  void oversizedIsFilled() {
    assertThat(Hostile.oversized(1 << 20, (byte) '*')).hasSize(1 << 20).containsOnly((byte) '*');
    assertThat(Hostile.oversized(0, (byte) 1)).isEmpty();
    assertThatThrownBy(() -> Hostile.oversized(-1, (byte) 0))
        .hasMessage("size must not be negative: -1");
  }

  @Test
  void reencodingsCoverEveryWrongEncoding() throws CharacterCodingException {
    String text = "Şişli İstanbul € 5";
    Set<String> kinds = new HashSet<>();
    for (byte[] bytes : sample(Hostile.reencodings(text), 5, 300)) {
      kinds.add(kind(text, bytes));
    }
    assertThat(kinds)
        .containsExactlyInAnyOrder(
            "utf-16be-bom", "utf-16le-bom", "iso-8859-1", "utf-8-bom", "broken-utf-8");
    assertThat(sample(Hostile.reencodings(""), 6, 100))
        .as("an empty text still gets a byte order mark or a broken sequence")
        .anySatisfy(bytes -> assertThat(bytes).isNotEmpty());
  }

  /** Classifies one re-encoding and checks that it is what it claims to be. */
  private static String kind(String text, byte[] bytes) throws CharacterCodingException {
    if (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) {
      assertThat(new String(bytes, StandardCharsets.UTF_16)).isEqualTo(text);
      return "utf-16be-bom";
    }
    if (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) {
      assertThat(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE)).isEqualTo(text);
      return "utf-16le-bom";
    }
    if (bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
      assertThat(strictUtf8(Arrays.copyOfRange(bytes, 3, bytes.length))).isEqualTo(text);
      return "utf-8-bom";
    }
    if (Arrays.equals(bytes, text.getBytes(StandardCharsets.ISO_8859_1))) {
      return "iso-8859-1";
    }
    assertThatThrownBy(() -> strictUtf8(bytes)).isInstanceOf(CharacterCodingException.class);
    return "broken-utf-8";
  }

  private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    Charset utf8 = StandardCharsets.UTF_8;
    return utf8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /**
   * A deliberately fragile reader of records {@code <length byte><payload>...}: it trusts the
   * length byte.
   */
  private static int countRecords(byte[] input) {
    int records = 0;
    int position = 0;
    while (position < input.length) {
      int length = input[position];
      byte[] payload = new byte[length];
      System.arraycopy(input, position + 1, payload, 0, length);
      position += 1 + length;
      records++;
    }
    return records;
  }

  @Test
  void findsAndShrinksACrashOfAFragileReader() {
    byte[] valid = {3, 'a', 'b', 'c', 2, 'd', 'e'};
    assertThat(countRecords(valid)).isEqualTo(2);

    PropertyFailure truncated =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Property.forAll(Hostile.truncations(valid))
                    .seed(6)
                    .check(HostileTest::countRecords));
    assertThat((byte[]) truncated.shrunk()).containsExactly(3);
    assertThat(truncated.getCause()).isInstanceOf(IndexOutOfBoundsException.class);

    PropertyFailure mutated =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Property.forAll(Hostile.mutations(valid)).seed(6).check(HostileTest::countRecords));
    assertThat(mutated.getCause())
        .isInstanceOfAny(IndexOutOfBoundsException.class, NegativeArraySizeException.class);
    assertThat((byte[]) mutated.shrunk()).isNotEqualTo(valid);
    assertThat(mutated.getMessage()).contains("shrunk counterexample:   byte[");
  }
}
