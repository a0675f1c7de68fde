/**
 * OpenSSH's key file formats: openssh-key-v1 private keys (PROTOCOL.key) with bcrypt_pbkdf, the one-line public
 * key form, and RFC 4716 public key files.
 */
package org.sshstack.keys.openssh;
