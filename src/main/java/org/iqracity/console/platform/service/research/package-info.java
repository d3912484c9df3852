/**
 * De-identification for research exports (R11): pseudonyms, coarsening of quasi-identifiers, and k-anonymity by
 * generalisation and suppression. Pure: no database, no web framework, so each step is tested on its own.
 */
package org.iqracity.console.platform.service.research;
