/**
 * A small Jakarta REST application that writes events of its own with the module's {@code EventLogger} and records
 * with {@code java.util.logging}, one logger under its bridged category and one outside it (an audit logger),
 * and fails one request with an exception (OtlpLogsIT).
 */
package dev.telemetrycdi.it.foreign.parcels;
