/**
 * Packet MACs of the SSH transport (RFC 4253 §6.4, RFC 6668, OpenSSH PROTOCOL §1.5): HMAC-SHA2 and legacy
 * HMAC-SHA1, each in encrypt-and-MAC and encrypt-then-MAC form, plus a constant-time comparison helper.
 */
package org.sshstack.crypto.mac;
