package dev.reviewgate.audit;

import dev.reviewgate.db.Database;
import dev.reviewgate.json.Json;
import io.javalin.http.Context;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes entries as NDJSON straight from the database cursor to the response, one line each, so an
 * export of millions of entries holds one batch of rows and one buffer in memory, never the file.
 */
public final class NdjsonExport {

    public static final String CONTENT_TYPE = "application/x-ndjson";
    private static final int BUFFER = 64 * 1024;

    private NdjsonExport() {}

    public static void stream(Context ctx, Database database, String accountId, AuditQuery query) {
        ctx.status(200).contentType(CONTENT_TYPE);
        try {
            OutputStream out = new BufferedOutputStream(ctx.outputStream(), BUFFER);
            Audit.each(database, accountId, query, entry -> line(out, entry));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(OutputStream out, AuditEntry entry) {
        try {
            out.write(Json.MAPPER.writeValueAsBytes(AuditChain.toJson(entry)));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("the client stopped reading the export", e);
        }
    }
}
