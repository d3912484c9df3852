package org.iqracity.console.api;

/** The platform's public key for verifying signed exports: X.509 SubjectPublicKeyInfo, base64. */
public record SigningKeyDto(String algorithm, String keyId, String publicKey) {
}
