package io.keyloom.http;

/**
 * A reply body sent as it is, not as JSON: the Prometheus text of {@code GET /metrics}.
 *
 * @param text the body
 * @param type its Content-Type
 */
record PlainText(String text, String type) {}
