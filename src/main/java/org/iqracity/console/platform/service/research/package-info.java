/**
 * Research exports (R11): {@code ResearchExportService} reads a course and records the export, and the
 * de-identification it applies lives beside it: pseudonyms, coarsening of quasi-identifiers, and k-anonymity by
 * generalisation and suppression. Those steps are pure (no database, no web framework), so each is tested on its own.
 */
package org.iqracity.console.platform.service.research;
