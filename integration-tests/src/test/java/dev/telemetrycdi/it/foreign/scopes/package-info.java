/**
 * An application that binds context of its own with the module's API: a servlet filter binds the caller's tenant
 * around the whole chain, before JAX-RS matches the route, and writes a line once the chain has returned
 * (NestedScopesIT).
 */
package dev.telemetrycdi.it.foreign.scopes;
