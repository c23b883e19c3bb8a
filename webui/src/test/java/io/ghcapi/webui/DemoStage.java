package io.ghcapi.webui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One demo gateway and one browser for the whole test run (starting them takes seconds; tests take
 * milliseconds), closed when the run ends. Every test gets them as parameters, starts on a laptop-sized
 * window, and fails if the browser console logged an error that the test did not expect.
 */
final class DemoStage implements ParameterResolver, BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DemoStage.class);

  /** What a test class shares. Tests that provoke console errors on purpose list them in {@link #expectConsole}. */
  static final class Stage implements ExtensionContext.Store.CloseableResource {
    final Path dir;
    final DemoGateway server;
    final Browser browser;
    private String[] expectedConsole = new String[0];

    Stage() {
      try {
        dir = Files.createTempDirectory("ghc-webui-test");
        Files.createDirectories(dir.resolve("downloads"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Browser.forgetScreenshots();
      server = DemoGateway.start(dir);
      Browser started;
      try {
        started = new Browser(dir.resolve("downloads"));
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      browser = started;
    }

    /** Console errors this test causes on purpose (parts of the message). */
    void expectConsole(String... parts) {
      expectedConsole = parts;
    }

    @Override
    public void close() throws IOException {
      try {
        browser.close();
      } finally {
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    }
  }

  private static Stage stage(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Stage.class, key -> new Stage(), Stage.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Stage.class || type == DemoGateway.class || type == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Stage stage = stage(context);
    Class<?> type = parameter.getParameter().getType();
    return type == Stage.class ? stage : type == DemoGateway.class ? stage.server : stage.browser;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Stage stage = stage(context);
    stage.expectedConsole = new String[0];
    stage.browser.resize(Browser.LAPTOP);
    // A page left with unsaved edits would hold the next navigation behind a "leave the page?" prompt.
    stage.browser.script("const form = document.getElementById('settings-form'); if (form) form.dataset.dirty = 'false';");
    stage.browser.open("about:blank");
    stage.browser.assertNoConsoleErrors(new String[] {""});
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Stage stage = stage(context);
    if (context.getExecutionException().isPresent()) {
      stage.browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
      System.out.println("Browser console of the failed test " + context.getRequiredTestMethod().getName() + ":\n"
          + stage.browser.drainConsole());
      return;
    }
    stage.browser.assertNoConsoleErrors(stage.expectedConsole);
  }
}
