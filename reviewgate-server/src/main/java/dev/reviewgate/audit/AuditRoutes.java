package dev.reviewgate.audit;

import dev.reviewgate.db.Database;
import dev.reviewgate.http.Responses;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * {@code GET /v1/audit} (the NDJSON export) and {@code GET /v1/audit/verify}, for the account's API
 * keys. There is no route that changes an entry.
 */
public final class AuditRoutes {

    private final Database database;
    private final Function<Context, Principal> principal;

    public AuditRoutes(Database database, Function<Context, Principal> principal) {
        this.database = database;
        this.principal = principal;
    }

    public void routes(RoutesConfig r) {
        r.get("/v1/audit", this::exportEntries);
        r.get("/v1/audit/verify", this::verifyChain);
    }

    private void exportEntries(Context ctx) {
        AuditQuery query =
                AuditParams.parse(AuditParams.EXPORT, ctx.queryParamMap().keySet(), ctx::queryParam, null);
        NdjsonExport.stream(ctx, database, principal.apply(ctx).accountId(), query);
    }

    private void verifyChain(Context ctx) {
        Audit.Verification result = Audit.verify(database, principal.apply(ctx).accountId());
        var body = Json.object().put("ok", result.ok()).put("entries", result.entries());
        body.put("firstBad", result.firstBad());
        Responses.json(ctx, 200, body);
    }
}
