package io.keyloom.http;

import io.keyloom.kms.AliasService;
import io.keyloom.kms.DataKeyService;
import io.keyloom.kms.DataService;
import io.keyloom.kms.DeletionService;
import io.keyloom.kms.GrantService;
import io.keyloom.kms.ImportService;
import io.keyloom.kms.KeyListService;
import io.keyloom.kms.KeyPairService;
import io.keyloom.kms.KeyService;
import io.keyloom.kms.MacService;
import io.keyloom.kms.QuotaService;
import io.keyloom.kms.RotationService;
import io.keyloom.kms.SignService;
import io.keyloom.kms.TagService;

/**
 * The KMS services the route table calls, as one parameter object, so that {@link HttpApi}'s
 * constructor stays small as operations are added.
 *
 * @param keys create, describe, enable, disable, update, public key
 * @param listing list-keys
 * @param deletions schedule and cancel key deletion
 * @param quotas user-instances, user-quotas
 * @param data encrypt-data, decrypt-data
 * @param signer sign, verify
 * @param dataKeys data keys and gen-random
 * @param keyPairs RSA and EC data key pairs
 * @param imports BYOK import: parameters, import and deletion of key material
 * @param macs generate-mac, verify-mac
 * @param rotation automatic key rotation
 * @param aliases create, list, delete and associate aliases
 * @param tags tags of keys and the search by tags
 * @param grants create, list, revoke and retire grants
 */
public record KmsServices(
    KeyService keys,
    KeyListService listing,
    DeletionService deletions,
    QuotaService quotas,
    DataService data,
    SignService signer,
    DataKeyService dataKeys,
    KeyPairService keyPairs,
    ImportService imports,
    MacService macs,
    RotationService rotation,
    AliasService aliases,
    TagService tags,
    GrantService grants) {}
