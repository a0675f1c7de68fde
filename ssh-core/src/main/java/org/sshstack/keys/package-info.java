/** The key model: public keys, key pairs and certificates, their blobs and fingerprints, and the trust files. */
package org.sshstack.keys;
