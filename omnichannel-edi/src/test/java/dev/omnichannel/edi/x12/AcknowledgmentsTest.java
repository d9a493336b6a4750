package dev.omnichannel.edi.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omnichannel.edi.x12.spi.ControlNumberSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcknowledgmentsTest {
  @Test
  void ackTestCorpusFileGivesTheExpected997s() throws IOException {
    Path file = CorpusTest.corpus().resolve("invalid/edieng_AckTest.edi");
    assumeTrue(Files.isRegularFile(file), "corpus absent");
    ValidationReport report;
    try (InputStream in = Files.newInputStream(file)) {
      report = X12Validator.full().validate(in, ReaderOptions.strict());
    }
    List<GroupResult> groups = report.interchanges().get(0).groups();
    assertThat(groups).hasSize(2);
    List<String> first = segments(ack(groups.get(0), false));
    assertThat(first)
        .contains("AK1*OW*9221", "AK2*940*20066", "AK5*A", "AK2*940*20067", "AK9*P*2*2*1");
    assertThat(first).contains("AK3*N9*7**8", "AK4*1*128*1", "AK5*R*5");
    List<String> second = segments(ack(groups.get(1), false));
    assertThat(second).contains("AK3*W66*3**8", "AK4*6*433*5", "AK5*R*5", "AK9*R*1*1*0");
    // The acknowledgment itself is a valid 997.
    String ack997 = ack(groups.get(0), false);
    ValidationReport again =
        X12Validator.full()
            .validate(
                new ByteArrayInputStream(ack997.getBytes(StandardCharsets.ISO_8859_1)),
                ReaderOptions.strict());
    assertThat(again.errors()).isEmpty();
  }

  @Test
  void a999ReportsSegmentCountErrorsInIk5AndIsValid() {
    String doc = Fixtures.PO_850.replace("SE*12*0001", "SE*11*0001");
    ValidationReport report =
        X12Validator.full()
            .validate(new ByteArrayInputStream(Fixtures.bytes(doc)), ReaderOptions.strict());
    GroupResult group = report.interchanges().get(0).groups().get(0);
    String ack = ack(group, true);
    assertThat(segments(ack))
        .contains("AK1*PO*101*004010", "AK2*850*0001", "IK5*R*4", "AK9*R*1*1*0");
    ValidationReport again =
        X12Validator.full()
            .validate(
                new ByteArrayInputStream(ack.getBytes(StandardCharsets.ISO_8859_1)),
                ReaderOptions.strict());
    assertThat(again.errors()).isEmpty();
  }

  @Test
  void aListenerReceivesGroupsAndTheReportKeepsOnlyFindings() {
    String doc = Fixtures.PO_850 + Fixtures.PO_850.replace("000000101", "000000102");
    List<GroupResult> groups = new ArrayList<>();
    List<InterchangeResult> interchanges = new ArrayList<>();
    ValidationReport report =
        X12Validator.full()
            .validate(
                X12Reader.of(new ByteArrayInputStream(Fixtures.bytes(doc)), ReaderOptions.strict()),
                new ValidationListener() {
                  @Override
                  public void group(GroupResult group) {
                    groups.add(group);
                  }

                  @Override
                  public void interchange(InterchangeResult interchange) {
                    interchanges.add(interchange);
                  }
                });
    assertThat(report.interchanges()).isEmpty();
    assertThat(groups).hasSize(2);
    assertThat(interchanges).hasSize(2).allMatch(i -> i.groups().isEmpty());
    // The second group repeats GS06 101 from the same sender.
    assertThat(report.errors())
        .extracting(f -> f.code())
        .containsExactly("DUPLICATE_GROUP_CONTROL_NUMBER");
  }

  @Test
  void ta1RejectsAnInterchangeWithAWrongGroupCount() {
    String doc = Fixtures.PO_850.replace("IEA*1*", "IEA*2*");
    ValidationReport report =
        X12Validator.full()
            .validate(new ByteArrayInputStream(Fixtures.bytes(doc)), ReaderOptions.strict());
    StringWriter out = new StringWriter();
    X12Writer w = X12Writer.of(out, Delimiters.standard(), ControlNumberSource.inMemory());
    Acknowledgments.writeTa1(report.interchanges().get(0), w);
    w.flush();
    assertThat(out.toString()).isEqualTo("TA1*000000101*260101*1200*R*021~\n");
  }

  private static String ack(GroupResult group, boolean is999) {
    StringWriter out = new StringWriter();
    X12Writer w =
        X12Writer.of(
            out,
            is999
                ? new Delimiters('*', ':', '^', '~', "\n")
                : Delimiters.standard().withoutRepetition(),
            ControlNumberSource.inMemory());
    LocalDateTime at = LocalDateTime.of(2026, 1, 2, 3, 4);
    w.startInterchange(
        InterchangeHeader.of("ZZ", "SELLER", "ZZ", "BUYER", at, is999 ? "00501" : "00401"));
    w.startGroup("FA", "SELLER", "BUYER", at, is999 ? "005010X231" : "004010");
    if (is999) {
      Acknowledgments.write999(group, w);
    } else {
      Acknowledgments.write997(group, w);
    }
    w.endGroup();
    w.endInterchange();
    return out.toString();
  }

  private static List<String> segments(String doc) {
    List<String> out = new ArrayList<>(List.of(doc.split("~\n", -1)));
    // As the one-argument split does: no empty pieces at the end.
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
