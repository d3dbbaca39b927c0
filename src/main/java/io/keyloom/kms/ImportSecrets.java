package io.keyloom.kms;

import io.keyloom.crypto.ImportTokens;
import io.keyloom.crypto.MaterialCheck;
import java.security.SecureRandom;

/**
 * The keys of BYOK import (docs/key-import.md): the import-token sealing keys and the material
 * check key, random keys stored wrapped under the root key (docs/root-of-trust.md).
 *
 * @param tokens seals and opens import tokens
 * @param checks computes check values of imported material
 * @param random draws wrapping keys
 */
public record ImportSecrets(ImportTokens tokens, MaterialCheck checks, SecureRandom random) {}
