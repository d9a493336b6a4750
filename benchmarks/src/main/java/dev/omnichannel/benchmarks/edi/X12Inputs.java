package dev.omnichannel.benchmarks.edi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds benchmark inputs: one interchange with one group that repeats a purchase order's
 * transaction set (from the shared corpus when present, otherwise a built-in one) with unique
 * control numbers until the wanted size, so every counter and control number stays right.
 */
final class X12Inputs {
  private X12Inputs() {}

  static final String BUILT_IN_850 =
      "ST*850*0001~BEG*00*SA*PO-77**20260101~DTM*002*20260115~N1*ST*MAIN STREET STORE*92*0042~"
          + "N3*1 MAIN ST*SUITE 2~N4*SPRINGFIELD*IL*62701*US~"
          + "PO1*1*3*EA*4.50**UP*012345678905*VN*V-100~PID*F****BLUE MUG~"
          + "PO1*2*1*EA*12.00**UP*036000291452*VN*V-200~PID*F****RED CUP~CTT*2~SE*11*0001~";

  /** Returns the segments (tag first) of the transaction set body, ST to SE. */
  static List<String[]> transaction() throws IOException {
    String corpus = System.getProperty("omnichannel.corpus", "../shared/corpus");
    Path file = Path.of(corpus, "x12", "valid", "nodex12_850.edi");
    String text;
    if (Files.isRegularFile(file)) {
      String all = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      text = all.substring(all.indexOf("ST*"), all.indexOf("GE*"));
    } else {
      text = BUILT_IN_850;
    }
    List<String[]> segments = new ArrayList<>();
    for (String s : text.split("~", -1)) {
      String t = s.strip();
      if (!t.isEmpty()) {
        segments.add(t.split("\\*", -1));
      }
    }
    return segments;
  }

  /**
   * Writes an interchange of about {@code size} bytes to {@code file}; returns its segment count.
   */
  static long write(Path file, long size) throws IOException {
    List<String[]> body = transaction();
    long segments = 0;
    try (OutputStream out =
        new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      StringBuilder sb = new StringBuilder();
      sb.append(isa()).append('\n');
      int group = 1;
      sb.append("GS*PO*SENDER*RECEIVER*20260101*1200*1*X*004010~\n");
      segments += 2;
      long written = 0;
      int count = 0;
      while (written < size) {
        if (count == GROUP_SIZE) {
          // Groups of at most GROUP_SIZE transaction sets (StAEDI allows 99,999 per group).
          sb.append("GE*").append(count).append('*').append(group).append("~\n");
          group++;
          sb.append("GS*PO*SENDER*RECEIVER*20260101*1200*").append(group).append("*X*004010~\n");
          segments += 2;
          count = 0;
        }
        count++;
        String control = String.format(Locale.ROOT, "%05d", count);
        for (String[] seg : body) {
          String[] s = seg.clone();
          if (s[0].equals("ST") || s[0].equals("SE")) {
            s[2] = control;
          }
          sb.append(String.join("*", s)).append("~\n");
          segments++;
        }
        byte[] b = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        out.write(b);
        written += b.length;
        sb.setLength(0);
      }
      sb.append("GE*").append(count).append('*').append(group).append("~\n");
      sb.append("IEA*").append(group).append("*000000001~\n");
      segments += 2;
      out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
    return segments;
  }

  /** Transaction sets per functional group. */
  static final int GROUP_SIZE = 50_000;

  static String isa() {
    return "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*U*00401"
        + "*000000001*0*P*>~";
  }

  /** Returns how many times the body repeats in a document of about {@code size} bytes. */
  static int repeats(long size, List<String[]> body) {
    long bytes = 0;
    for (String[] s : body) {
      bytes += String.join("*", s).length() + 2;
    }
    return (int) Math.max(1, size / bytes);
  }
}
