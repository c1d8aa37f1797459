package org.parley.gateway.export;

import java.util.List;

import io.vertx.core.buffer.Buffer;

/** How rows become bytes: what comes before the first row, each page of rows, and what closes the file. */
interface ExportFormat {

    String contentType();

    /** The download's file name extension, without the dot. */
    String extension();

    Buffer begin();

    /** {@code first}: whether these are the file's first rows (GeoJSON separates features with commas). */
    Buffer rows(List<ExportRow> rows, boolean first);

    Buffer end();
}
