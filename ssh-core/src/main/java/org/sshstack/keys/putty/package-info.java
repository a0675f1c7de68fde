/** PuTTY private key files (PPK versions 2 and 3, PuTTY manual appendix C): reading both, writing version 3. */
package org.sshstack.keys.putty;
