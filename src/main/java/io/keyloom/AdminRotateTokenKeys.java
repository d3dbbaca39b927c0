package io.keyloom;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyloom admin rotate-token-keys}: makes new X-Auth-Token, security-token and import-token
 * signing keys now (docs/root-of-trust.md). Running servers sign with them within a minute; tokens
 * signed with the previous keys stay valid until they expire, and those keys are deleted two days
 * later. Safe while servers use the same database.
 */
@Command(
    name = "rotate-token-keys",
    mixinStandardHelpOptions = true,
    description =
        "Make new token-signing keys now; tokens of the previous keys stay valid until they"
            + " expire.")
final class AdminRotateTokenKeys implements Callable<Integer> {
  @ParentCommand AdminCommand parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (DataDir data = parent.open(parent.dataDir)) {
      PrintWriter out = spec.commandLine().getOut();
      data.serviceKeys().rotate().forEach(line -> out.println("new key: " + line));
      out.flush();
      return 0;
    }
  }
}
