/**
 * OpenSSH authorized_keys files (sshd(8) "AUTHORIZED_KEYS FILE FORMAT"): every key option parsed into a typed model,
 * the effective permissions after {@code restrict} and re-enabling flags, and the {@code from=} matcher.
 */
package org.sshstack.keys.authorizedkeys;
