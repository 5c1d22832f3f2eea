/**
 * A small Jakarta REST application written the way the servers' quickstarts write one: resources under an
 * application path, BASIC authentication, a security constraint and a {@code @RolesAllowed} method. It uses nothing
 * of telemetry-cdi's API (ForeignAppIT).
 */
package dev.telemetrycdi.it.foreign.rest;
