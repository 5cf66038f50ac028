package io.automigrate.migrate;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * A view of a connection on which Liquibase's per-changeset commits do nothing: Liquibase runs its changesets,
 * records them in DATABASECHANGELOG and takes its lock all in the one open transaction, which the caller then
 * commits or rolls back as a whole (the deployer commits a file; plan's proof always rolls back). Liquibase's
 * rollbacks are ignored as well (it rolls back when it releases its lock, which would undo the work so far); when a
 * changeset fails the caller rolls the whole transaction back. Liquibase may neither switch auto-commit on (that
 * would commit) nor close the connection.
 */
public final class DeferredCommits implements InvocationHandler {
    private final Connection real;

    private DeferredCommits(Connection real) {
        this.real = real;
    }

    public static Connection wrap(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new DeferredCommits(real));
    }

    @Override
    public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "commit", "rollback", "close":
                if (method.getParameterCount() == 0) return null;
                break;
            case "setAutoCommit":
                return null;
            case "getAutoCommit":
                return false;
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                break;
        }
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
