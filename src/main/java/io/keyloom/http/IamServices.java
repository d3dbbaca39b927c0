package io.keyloom.http;

import io.keyloom.auth.IdentityDirectory;
import io.keyloom.auth.SecurityTokens;
import io.keyloom.auth.TokenService;

/** The IAM services behind the {@code /v3} routes, handed to {@link HttpApi} as one value. */
public record IamServices(
    TokenService tokens, IdentityDirectory directory, SecurityTokens securityTokens) {}
