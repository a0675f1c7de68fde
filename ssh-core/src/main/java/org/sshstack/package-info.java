/** sshstack's root: the checked exception hierarchy and the disconnect reasons every layer maps to. */
package org.sshstack;
