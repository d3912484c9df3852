package org.iqracity.archfixture.documents;

import org.iqracity.archfixture.api.LeakyDto;

/** A document layout that knows a wire record: documents may use the JDK and PDFBox only. */
public record ReportDocument(LeakyDto source) {
}
