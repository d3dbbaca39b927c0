package io.keyloom.http;

import io.keyloom.kms.DataKeyService;
import io.keyloom.kms.DataService;
import io.keyloom.kms.KeyPairService;
import io.keyloom.kms.KeyService;
import io.keyloom.kms.SignService;

/**
 * The KMS services behind the route table, built by the composition root and handed to {@link
 * HttpApi} as one value so that the API's constructor stays small as operations are added.
 */
public record KmsServices(
    KeyService keys,
    DataService data,
    SignService signer,
    DataKeyService dataKeys,
    KeyPairService keyPairs) {}
