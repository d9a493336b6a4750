package dev.omnichannel.edi.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omnichannel.edi.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives every X12 file of the shared corpus from its MANIFEST.tsv: valid files give no errors,
 * invalid files give exactly the listed errors at their positions, tolerant files are read with
 * warnings in tolerant mode (or refused with a positioned error).
 */
class CorpusTest {
  /**
   * The errors a strict validator reports for each invalid file, as {@code
   * CODE@TAG#position.element} ({@code #position} only inside a transaction set). Each entry
   * follows from the defects the manifest lists for the file.
   */
  private static final Map<String, List<String>> EXPECTED =
      Map.ofEntries(
          Map.entry(
              "invalid/edieng_850.SyntaxNotes.ERR.edi",
              List.of(
                  "CONDITIONAL_ELEMENT_MISSING@PO1#13.7",
                  "CONDITIONAL_ELEMENT_MISSING@PO4#30.6",
                  "CONDITIONAL_ELEMENT_MISSING@PO4#30.6")),
          Map.entry(
              "invalid/edieng_940_Failed_SE01.edi",
              List.of(
                  "ELEMENT_TOO_LONG@W66#3.8",
                  "INVALID_CHARACTER@W66#3.9",
                  "ELEMENT_TOO_SHORT@W01#5.2",
                  "ELEMENT_TOO_SHORT@W01#5.3",
                  "MANDATORY_ELEMENT_MISSING@W01#5.1",
                  "SEGMENT_COUNT_MISMATCH@SE#9.1",
                  "SEGMENT_NOT_TERMINATED@IEA.0")),
          Map.entry(
              "invalid/edieng_ControlNumbersMismatch.edi",
              List.of(
                  "CONTROL_NUMBER_MISMATCH@SE#5.2",
                  "CONTROL_NUMBER_MISMATCH@GE.2",
                  "CONTROL_NUMBER_MISMATCH@IEA.2")),
          Map.entry(
              "invalid/edieng_WrongGroupsAndTranCount.edi",
              List.of(
                  "TRANSACTION_COUNT_MISMATCH@GE.1",
                  "GROUP_COUNT_MISMATCH@IEA.1",
                  "CONTROL_NUMBER_NOT_PADDED@IEA.2")),
          Map.entry(
              "invalid/edieng_AckTest.edi",
              List.of(
                  "MANDATORY_ELEMENT_MISSING@N9#7.1",
                  "ELEMENT_TOO_LONG@W66#3.6",
                  "SEGMENT_NOT_TERMINATED@IEA.0")),
          Map.entry(
              "invalid/nodex12_850_fat.edi",
              List.of(
                  "DUPLICATE_INTERCHANGE_CONTROL_NUMBER@ISA.13",
                  "DUPLICATE_GROUP_CONTROL_NUMBER@GS.6")),
          Map.entry(
              "invalid/gozer_asn856.txt",
              List.of("SEGMENT_NOT_TERMINATED@IEA.0", "CONTROL_NUMBER_MISMATCH@IEA.2")),
          Map.entry(
              "invalid/staedi_invalid997.edi",
              List.of(
                  "ELEMENT_TOO_LONG@AK1#2.1",
                  "INVALID_CODE_VALUE@AK1#2.1",
                  "INVALID_CHARACTER@AK4#5.2",
                  "ELEMENT_TOO_LONG@AK4#5.2")),
          Map.entry(
              "invalid/staedi_invalid997_min.edi",
              List.of(
                  "INVALID_DATE@GS.4",
                  "INVALID_TIME@GS.5",
                  "ELEMENT_TOO_LONG@AK1#2.1",
                  "INVALID_CODE_VALUE@AK1#2.1",
                  "INVALID_CONTROL_NUMBER@GE.2",
                  "CONTROL_NUMBER_MISMATCH@GE.2")),
          Map.entry(
              "invalid/staedi_invoice810_po850_dual.edi",
              List.of("CONDITIONAL_ELEMENT_MISSING@N1#9.4")),
          Map.entry(
              "invalid/staedi_x12_interchange_ack.txt", List.of("GROUP_COUNT_MISMATCH@IEA.1")),
          Map.entry(
              "invalid/stupidedi_IN810_pass_1.edi",
              List.of(
                  "CONDITIONAL_ELEMENT_MISSING@IT1#7.3", "CONDITIONAL_ELEMENT_MISSING@IT1#9.3")),
          // A 107-byte ISA: the strict reader refuses it at offset 69.
          Map.entry("invalid/stupidedi_PO850_pass_1.edi", List.of("UNREADABLE@.0")),
          // '~' instead of '$' merges N1, N3, N4 and HL*2 into one N1 of 13 elements.
          Map.entry(
              "invalid/stupidedi_SH856_fail_2.edi",
              List.of(
                  "INVALID_CHARACTER@N1#11.4",
                  "INVALID_CHARACTER@N1#11.5",
                  "ELEMENT_TOO_LONG@N1#11.5",
                  "ELEMENT_TOO_LONG@N1#11.6",
                  "TOO_MANY_ELEMENTS@N1#11.7",
                  "UNEXPECTED_SEGMENT@PRF#12.0",
                  "TRAILING_SEPARATOR@N3#15.2",
                  "HL_PARENT_UNKNOWN@HL#17.2",
                  "SEGMENT_COUNT_MISMATCH@SE#22.1")));

  static Path corpus() {
    return Path.of(System.getProperty("omnichannel.corpus", "../../shared/corpus"), "x12");
  }

  static Stream<Arguments> manifest() throws IOException {
    Path dir = corpus();
    assumeTrue(Files.isRegularFile(dir.resolve("MANIFEST.tsv")), "corpus absent: " + dir);
    return Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8).stream()
        .skip(1)
        .filter(l -> !l.isBlank())
        .map(l -> l.split("\t"))
        .map(f -> Arguments.of(f[0], f[7]));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("manifest")
  void behavesAsTheManifestSays(String file, String expectation) throws IOException {
    Path path = corpus().resolve(file);
    switch (expectation) {
      case "valid" -> {
        ValidationReport strict = validate(path, ReaderOptions.strict());
        assertThat(strict.errors()).as(file).isEmpty();
        assertThat(strict.interchanges()).isNotEmpty();
      }
      case "invalid" -> {
        ValidationReport strict = validate(path, ReaderOptions.strict());
        assertThat(EXPECTED).as("expectation listed for " + file).containsKey(file);
        assertThat(strict.errors().stream().map(CorpusTest::key))
            .as(file)
            .containsExactlyInAnyOrderElementsOf(EXPECTED.get(file));
        // Tolerant mode reads the same file too, with the defects still reported.
        assertThat(validate(path, ReaderOptions.tolerantMode()).findings()).isNotEmpty();
      }
      case "tolerant" -> {
        ValidationReport tolerant = validate(path, ReaderOptions.tolerantMode());
        boolean refused = tolerant.errors().stream().anyMatch(f -> f.code().equals("UNREADABLE"));
        if (!refused) {
          assertThat(tolerant.errors()).as(file).isEmpty();
          assertThat(tolerant.warnings()).as(file).isNotEmpty();
        }
        // Strict mode refuses or reports errors, never crashes.
        ValidationReport strict = validate(path, ReaderOptions.strict());
        assertThat(strict.errors()).as(file).isNotEmpty();
      }
      default -> throw new AssertionError("unknown expectation " + expectation);
    }
  }

  private static ValidationReport validate(Path path, ReaderOptions options) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return X12Validator.full().validate(in, options);
    }
  }

  private static String key(Finding f) {
    var l = f.location();
    return f.code()
        + "@"
        + l.segmentTag()
        + (l.segmentPosition() > 0 ? "#" + l.segmentPosition() : "")
        + "."
        + l.element();
  }
}
