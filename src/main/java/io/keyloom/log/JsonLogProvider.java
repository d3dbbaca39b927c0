package io.keyloom.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of {@code --log-format json}, named by the {@code slf4j.provider} system
 * property ({@link LogFormat#install}); deliberately not registered as a service, so the text
 * format stays SLF4J's simple logger with its exact output.
 */
public final class JsonLogProvider implements SLF4JServiceProvider {
  private ILoggerFactory loggers;
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new BasicMDCAdapter();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    loggers = new JsonLoggers(LogLevels.fromSimpleLoggerProperties(), System.err);
  }
}
