/**
 * A small web application written the way the vendors' guides write one: servlets, static files, a Faces page,
 * FORM login with a role-protected area and error pages. It uses nothing of telemetry-cdi's API (ForeignAppIT).
 */
package dev.telemetrycdi.it.foreign.web;
