package io.keyloom.http;

/**
 * The settings of the HTTP API that are not services, as one parameter object so that {@link
 * HttpApi}'s constructor stays small.
 *
 * @param maxBodyBytes the largest request body on any route (413 {@code KMS.0203} above)
 * @param emulator whether the emulator controls under {@code /keyloom/v1/} are served
 * @param throttle requests per second one project may make (429 {@code APIGW.0308} beyond); 0 = off
 */
public record ApiOptions(int maxBodyBytes, boolean emulator, int throttle) {}
