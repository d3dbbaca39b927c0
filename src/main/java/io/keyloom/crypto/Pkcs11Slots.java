package io.keyloom.crypto;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * Finds a PKCS#11 slot by its token's label. The JDK's SunPKCS11 provider selects tokens by slot id
 * or list index only, and slot ids change (SoftHSM2 reassigns them per token), so this asks the
 * library itself through the JDK's own PKCS#11 wrapper ({@code C_GetSlotList}, {@code
 * C_GetTokenInfo}). That wrapper is not exported by its module: the JVM needs {@code
 * --add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}, which the jar's
 * manifest and {@code ./keyloom} set (docs/root-of-trust.md).
 */
final class Pkcs11Slots {
  static final String ADD_EXPORTS = "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED";
  private static final String WRAPPER = "sun.security.pkcs11.wrapper.";

  private Pkcs11Slots() {}

  /**
   * The id of the slot whose token is labelled {@code label}.
   *
   * @throws IllegalArgumentException naming the label when no token has it, or when the library
   *     cannot be used
   */
  static long find(Path library, String label) {
    try {
      Class<?> pkcs11 = Class.forName(WRAPPER + "PKCS11");
      Class<?> initArgs = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
      Method getInstance =
          pkcs11.getMethod("getInstance", String.class, String.class, initArgs, boolean.class);
      Object module =
          getInstance.invoke(null, library.toString(), "C_GetFunctionList", null, false);
      long[] slots = (long[]) pkcs11.getMethod("C_GetSlotList", boolean.class).invoke(module, true);
      Method tokenInfo = pkcs11.getMethod("C_GetTokenInfo", long.class);
      for (long slot : slots) {
        Object info = tokenInfo.invoke(module, slot);
        char[] chars = (char[]) info.getClass().getField("label").get(info);
        if (new String(chars).strip().equals(label)) {
          return slot;
        }
      }
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(
          "PKCS#11 needs the JVM flag --add-exports=" + ADD_EXPORTS + " (./keyloom sets it)");
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          "cannot use the PKCS#11 library " + library + ": " + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("this JVM has no PKCS#11 support (jdk.crypto.cryptoki)");
    }
    throw new IllegalArgumentException(
        "no PKCS#11 token labelled '" + label + "' in " + library + " (--pkcs11-token)");
  }
}
