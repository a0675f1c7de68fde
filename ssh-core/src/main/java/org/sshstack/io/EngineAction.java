package org.sshstack.io;

import org.sshstack.SshException;

/**
 * A call on an engine made under the driver's engine lock, which may fail with the engine's exception.
 *
 * @param <E> the engine type
 * @param <T> the result type
 */
@FunctionalInterface
public interface EngineAction<E, T> {

    /**
     * @param engine the engine, owned by the caller for the duration of the call
     * @return the result
     * @throws SshException if the engine rejects the call
     */
    T apply(E engine) throws SshException;
}
