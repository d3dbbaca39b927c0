package io.keyloom.http;

import java.util.function.BooleanSupplier;

/**
 * What the health routes learn about the store, wired by the composition root.
 *
 * @param ready whether the store serves now; may query it, bounded by its timeouts ({@code /ready})
 * @param down whether the store was last seen unable to serve; never queries it ({@code /health})
 */
public record StoreProbe(BooleanSupplier ready, BooleanSupplier down) {}
