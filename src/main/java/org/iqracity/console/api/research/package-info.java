/** The wire contract of research exports (R11): the request and the summary that travels inside the archive. */
package org.iqracity.console.api.research;
