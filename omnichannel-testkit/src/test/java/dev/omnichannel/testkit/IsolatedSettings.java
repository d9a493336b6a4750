package dev.omnichannel.testkit;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Clears {@code omnichannel.seed} and {@code omnichannel.tries} around each test, so that the tests
 * of the runner itself see its defaults even when a build passes these properties to every test.
 */
final class IsolatedSettings implements BeforeEachCallback, AfterEachCallback {
  private static final String[] KEYS = {"omnichannel.seed", "omnichannel.tries"};
  private final Map<String, String> saved = new HashMap<>();

  @Override
  public void beforeEach(ExtensionContext context) {
    saved.clear();
    for (String key : KEYS) {
      String value = System.clearProperty(key);
      if (value != null) {
        saved.put(key, value);
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (String key : KEYS) {
      String value = saved.get(key);
      if (value == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, value);
      }
    }
  }
}
