/**
 * PEM key files (RFC 7468 framing): PKCS#1, SEC1, legacy DSA, PKCS#8 plain and PBES2-encrypted (RFC 5208, RFC 5958,
 * RFC 8018), OpenSSL's legacy {@code Proc-Type}/{@code DEK-Info} encryption, and SubjectPublicKeyInfo public keys.
 */
package org.sshstack.keys.pem;
