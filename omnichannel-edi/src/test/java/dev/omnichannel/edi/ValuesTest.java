package dev.omnichannel.edi;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import dev.omnichannel.edi.retail.Gs1;
import dev.omnichannel.edi.x12.Delimiters;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void equality() {
    new EqualsTester()
        .addEqualityGroup(
            new Location(1, 2, 3, "N1", 4, 0, 0), new Location(1, 2, 3, "N1", 4, 0, 0))
        .addEqualityGroup(new Location(1, 2, 3, "N1", 5, 0, 0))
        .testEquals();
    new EqualsTester()
        .addEqualityGroup(Delimiters.standard(), new Delimiters('*', '>', '^', '~', "\n"))
        .addEqualityGroup(Delimiters.standard().withoutRepetition())
        .testEquals();
  }

  @Test
  void nullsAreRefused() {
    NullPointerTester tester = new NullPointerTester();
    tester.setDefault(Location.class, new Location(0, 1, 0, "", 0, 0, 0));
    tester.testAllPublicConstructors(Location.class);
    tester.testAllPublicConstructors(Finding.class);
    tester.testAllPublicStaticMethods(Gs1.class);
    tester.testAllPublicInstanceMethods(Delimiters.standard());
  }
}
