package io.ghcapi.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The product version, from the build. */
public final class Version implements CommandLine.IVersionProvider {

  public static String current() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/ghc-api-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"ghc-api " + current()};
  }
}
