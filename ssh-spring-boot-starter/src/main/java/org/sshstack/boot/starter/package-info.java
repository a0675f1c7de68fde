/** The sshstack starter carries no code: it brings {@code ssh-core} and its auto-configuration. */
package org.sshstack.boot.starter;
