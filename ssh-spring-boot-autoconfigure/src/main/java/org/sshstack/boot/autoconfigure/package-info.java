/**
 * Spring Boot auto-configuration for sshstack: pooled clients, the embedded server, SFTP endpoints,
 * health and metrics (built in later issues on top of {@code ssh-core}).
 */
package org.sshstack.boot.autoconfigure;
