package io.keyloom.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.DelegatingSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK TLS engine, except that each connection's TLS handler is a {@link
 * PlainHttpRefusingHandler}.
 *
 * <p>Vert.x offers no public hook into the channel pipeline in front of its TLS handler; its TLS
 * engine SPI ({@code SSLEngineOptions} -> {@code SslContextFactory} -> Netty {@code SslContext}) is
 * the one documented seam that decides which handler a connection gets. Everything else (ALPN,
 * protocols, cipher suites, key managers) is Vert.x's own JDK setup, passed through unchanged.
 */
final class PlainHttpRefusal extends JdkSSLEngineOptions {

  PlainHttpRefusal() {}

  private PlainHttpRefusal(PlainHttpRefusal other) {
    super(other);
  }

  @Override
  public PlainHttpRefusal copy() {
    return new PlainHttpRefusal(this);
  }

  @Override
  public SslContextFactory sslContextFactory() {
    return new Factory(super.sslContextFactory());
  }

  /** Vert.x's JDK factory with its product wrapped. */
  private static final class Factory implements SslContextFactory {
    private final SslContextFactory jdk;

    Factory(SslContextFactory jdk) {
      this.jdk = jdk;
    }

    @Override
    public SslContextFactory useAlpn(boolean useAlpn) {
      jdk.useAlpn(useAlpn);
      return this;
    }

    @Override
    public SslContextFactory clientAuth(ClientAuth clientAuth) {
      jdk.clientAuth(clientAuth);
      return this;
    }

    @Override
    public SslContextFactory forClient(boolean forClient) {
      jdk.forClient(forClient);
      return this;
    }

    @Override
    public SslContextFactory keyMananagerFactory(KeyManagerFactory factory) {
      jdk.keyMananagerFactory(factory);
      return this;
    }

    @Override
    public SslContextFactory trustManagerFactory(TrustManagerFactory factory) {
      jdk.trustManagerFactory(factory);
      return this;
    }

    @Override
    public SslContextFactory enabledCipherSuites(Set<String> cipherSuites) {
      jdk.enabledCipherSuites(cipherSuites);
      return this;
    }

    @Override
    public SslContextFactory applicationProtocols(List<String> protocols) {
      jdk.applicationProtocols(protocols);
      return this;
    }

    @Override
    public SslContextFactory serverName(String serverName) {
      jdk.serverName(serverName);
      return this;
    }

    @Override
    public SslContext create() throws SSLException {
      SslContext context = jdk.create();
      return context.isClient() ? context : new RefusingContext(context);
    }
  }

  /** Hands out {@link PlainHttpRefusingHandler}s over the wrapped context's engines. */
  private static final class RefusingContext extends DelegatingSslContext {
    RefusingContext(SslContext context) {
      super(context);
    }

    @Override
    protected void initEngine(SSLEngine engine) {
      // Vert.x's own wrapper around this context configures the engine.
    }

    @Override
    protected SslHandler newHandler(ByteBufAllocator alloc, boolean startTls, Executor executor) {
      return new PlainHttpRefusingHandler(newEngine(alloc), startTls, executor);
    }

    @Override
    protected SslHandler newHandler(
        ByteBufAllocator alloc, String host, int port, boolean startTls, Executor executor) {
      return new PlainHttpRefusingHandler(newEngine(alloc, host, port), startTls, executor);
    }
  }
}
