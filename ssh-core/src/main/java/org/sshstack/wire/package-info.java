/** The SSH data types of RFC 4251 §5: a strict, bounded reader and a writer. */
package org.sshstack.wire;
