package io.keyloom.auth;

/** A project (Huawei: a region of an account) as the IAM endpoints show it. */
public record IamProject(String id, String domainId, String name) {}
