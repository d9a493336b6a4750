package dev.omnichannel.edi.x12;

import java.nio.charset.StandardCharsets;

/** Small self-written X12 documents. */
final class Fixtures {
  private Fixtures() {}

  static final String PO_850 =
      """
      ISA*00*          *00*          *ZZ*BUYER          *ZZ*SELLER         *260101*1200*U*00401*000000101*0*T*>~
      GS*PO*BUYER*SELLER*20260101*1200*101*X*004010~
      ST*850*0001~
      BEG*00*SA*PO-77**20260101~
      DTM*010*20260110~
      DTM*002*20260115~
      N1*ST*MAIN STREET STORE*92*0042~
      N3*1 MAIN ST*SUITE 2~
      N4*SPRINGFIELD*IL*62701*US~
      PO1*1*3*EA*4.50**UP*012345678905*VN*V-100~
      PID*F****BLUE MUG~
      PO1*2*1*EA*12.00**UP*036000291452*VN*V-200~
      CTT*2~
      SE*12*0001~
      GE*1*101~
      IEA*1*000000101~
      """;

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
