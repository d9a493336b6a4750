package dev.omnichannel.edi.retail;

import dev.omnichannel.edi.x12.Delimiters;
import dev.omnichannel.edi.x12.InterchangeHeader;
import dev.omnichannel.edi.x12.ReaderOptions;
import dev.omnichannel.edi.x12.ValidationReport;
import dev.omnichannel.edi.x12.X12Reader;
import dev.omnichannel.edi.x12.X12Transaction;
import dev.omnichannel.edi.x12.X12TransactionReader;
import dev.omnichannel.edi.x12.X12Validator;
import dev.omnichannel.edi.x12.X12Writer;
import dev.omnichannel.edi.x12.spi.ControlNumberSource;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.function.Consumer;

/** Writes one transaction set in a full interchange and reads it back. */
final class RetailTesting {
  private RetailTesting() {}

  static final LocalDateTime AT = LocalDateTime.of(2026, 3, 4, 5, 6);

  static String interchange(String functionalId, Consumer<X12Writer> body) {
    StringWriter out = new StringWriter();
    X12Writer w =
        X12Writer.of(
            out, Delimiters.standard().withoutRepetition(), ControlNumberSource.inMemory());
    w.startInterchange(InterchangeHeader.of("ZZ", "VENDOR", "ZZ", "RETAILER", AT, "00401"));
    w.startGroup(functionalId, "VENDOR", "RETAILER", AT, "004010");
    body.accept(w);
    w.endGroup();
    w.endInterchange();
    return out.toString();
  }

  static ValidationReport validate(String doc) {
    return X12Validator.full()
        .validate(
            new ByteArrayInputStream(doc.getBytes(StandardCharsets.ISO_8859_1)),
            ReaderOptions.strict());
  }

  static X12Transaction read(String doc) {
    return X12TransactionReader.of(
            X12Reader.of(new ByteArrayInputStream(doc.getBytes(StandardCharsets.ISO_8859_1))))
        .next();
  }
}
