using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SingleView.Publish;
using SingleView.Serve.Access;
using SingleView.Serve.Endpoints;
using SingleView.Serve.Pages;
using SingleView.Serve.Quality;

namespace SingleView.Serve.Workbench;

/// <summary>
/// The data quality workbench: pages under /workbench and their JSON API under /api/workbench, both for the
/// officer role of config/workbench.yaml only (one filter on each group, so no route can be mapped without
/// it); and the "this is not the same person" report any signed-in user may send from a person page.
/// </summary>
internal static class WorkbenchEndpoints
{
    public const string PagePrefix = "/workbench";
    public const string ApiPrefix = "/api/workbench";
    public const string ReportAction = "wrong_link_report";
    private const int UnmatchedPerFeed = 50;

    public static void AddServices(IServiceCollection services, ServeOptions options)
    {
        var settings = WorkbenchSettings.Load(options.ConfigDirectory, options.DataDirectory);
        services.AddSingleton(settings);
        services.AddSingleton<WorkbenchDecisions>();
        services.AddSingleton<ReviewQueue>();
        services.AddSingleton<PairDetail>();
        services.AddSingleton<WrongLinkReports>();
        services.AddSingleton<AccuracyEstimate>();
        services.AddSingleton<UnmatchedRecords>();
        services.AddSingleton(sp => new QualityReports(
            sp.GetRequiredService<ServingDatabase>(), settings.LakeDirectory, CutOffs(settings.PipelinesDirectory), sp.GetRequiredService<Data.ServingReader>()));
    }

    // Each feed's expected_by, so "late" in the quality reports means what the feed's contract says.
    private static Dictionary<string, TimeOnly> CutOffs(string pipelinesDirectory) =>
        !Directory.Exists(pipelinesDirectory)
            ? []
            : SingleView.Ingest.Definitions.FeedDefinitionLoader.LoadDirectory(pipelinesDirectory)
                .Where(d => d.Expectations.ExpectedBy is not null)
                .ToDictionary(d => d.Feed, d => d.Expectations.ExpectedBy!.Value, StringComparer.Ordinal);

    public static void Map(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(PagePrefix).ExcludeFromDescription().AddEndpointFilter(OfficersOnly(api: false));
        pages.MapGet("/", HomeAsync);
        pages.MapGet("/review", ReviewPageAsync);
        pages.MapGet("/pairs/{left}/{right}", PairPageAsync);
        pages.MapPost("/pairs/{left}/{right}/decide", DecidePageAsync).RequireSiteForm();
        pages.MapPost("/pairs/{left}/{right}/undo", UndoPageAsync).RequireSiteForm();
        pages.MapGet("/unmatched", UnmatchedPageAsync);
        pages.MapGet("/reports", ReportsPageAsync);
        pages.MapPost("/reports/{reportId}/resolve", ResolvePageAsync).RequireSiteForm();
        pages.MapGet("/quality", QualityIndexAsync);
        pages.MapGet("/quality/{feed}", QualityPageAsync);
        pages.MapGet("/quality/{feed}/export.csv", ExportAsync);

        var api = app.MapGroup(ApiPrefix).WithTags("Workbench").AddEndpointFilter(OfficersOnly(api: true));
        api.MapGet("/review", async (ReviewQueue queue, CancellationToken ct) => Results.Ok(await queue.ListAsync(ct)));
        api.MapGet("/pairs/{left}/{right}", PairApiAsync);
        api.MapPost("/pairs/{left}/{right}/decisions", DecideApiAsync);
        api.MapPost("/pairs/{left}/{right}/undo", UndoApiAsync);
        api.MapGet("/unmatched", async (UnmatchedRecords unmatched, CancellationToken ct) => Results.Ok(await unmatched.ListAsync(UnmatchedPerFeed, ct)));
        api.MapGet("/reports", async (WrongLinkReports reports, CancellationToken ct) => Results.Ok(await reports.OpenAsync(ct)));
        api.MapGet("/quality/{feed}", async (QualityReports quality, string feed, CancellationToken ct) =>
            QualityReports.IsFeedName(feed) ? Results.Ok(await quality.ForFeedAsync(feed, ct)) : Results.NotFound());
        api.MapGet("/estimate", async (AccuracyEstimate estimate, CancellationToken ct) => Results.Ok(await estimate.EstimateAsync(ct)));

        app.MapPost("/people/{goldenId}/wrong-link", ReportPageAsync).ExcludeFromDescription().RequireSiteForm();
        app.MapPost("/api/people/{goldenId}/wrong-link", ReportApiAsync).WithTags("Workbench");
    }

    /// <summary>Refuses anyone but the officer role before the handler runs: 403 with a page or a problem document.</summary>
    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> OfficersOnly(bool api) => async (context, next) =>
    {
        var http = context.HttpContext;
        var request = http.RequestServices.GetRequiredService<RequestContext>();
        var settings = http.RequestServices.GetRequiredService<WorkbenchSettings>();
        var viewer = request.ViewerOf(http);
        if (viewer?.Role.Key == settings.OfficerRole) return await next(context);
        if (api) return Results.Problem("The workbench is for the data quality officer.", statusCode: StatusCodes.Status403Forbidden);
        return RequestContext.Page(
            viewer is null ? StatusPages.NoRole(request.FrameFor(null)) : WorkbenchPages.Message(request.FrameFor(viewer), "Not allowed", "The workbench is for the data quality officer."),
            StatusCodes.Status403Forbidden);
    };

    private static Viewer Officer(HttpContext context, RequestContext request) => request.ViewerOf(context)!;

    private static async Task<IResult> HomeAsync(HttpContext context, RequestContext request, ReviewQueue queue, WrongLinkReports reports, AccuracyEstimate estimate, CancellationToken ct) =>
        RequestContext.Page(WorkbenchPages.Home(
            request.FrameFor(Officer(context, request)), (await queue.ListAsync(ct)).Count, (await reports.OpenAsync(ct)).Count, await estimate.EstimateAsync(ct)));

    private static async Task<IResult> ReviewPageAsync(HttpContext context, RequestContext request, ReviewQueue queue, CancellationToken ct) =>
        RequestContext.Page(WorkbenchPages.Review(request.FrameFor(Officer(context, request)), await queue.ListAsync(ct)));

    private static async Task<IResult> PairPageAsync(HttpContext context, RequestContext request, PairDetail detail, string left, string right, string? done, CancellationToken ct)
    {
        var frame = request.FrameFor(Officer(context, request));
        if (!PairKeys.TryParse(left, right, out var pair)) return RequestContext.Page(WorkbenchPages.Message(frame, "Not a pair", "Name two different records as feed:record id."), StatusCodes.Status400BadRequest);
        var view = await detail.LoadAsync(pair, ct);
        return view is null
            ? RequestContext.Page(WorkbenchPages.Message(frame, "Not found", "One of the records is not in the published data."), StatusCodes.Status404NotFound)
            : RequestContext.Page(WorkbenchPages.Pair(frame, view, done == "1" ? "Recorded." : null, conflict: false));
    }

    private static async Task<IResult> DecidePageAsync(HttpContext context, RequestContext request, WorkbenchDecisions decisions, PairDetail detail, string left, string right, CancellationToken ct)
    {
        var viewer = Officer(context, request);
        if (!PairKeys.TryParse(left, right, out var pair)) return Results.BadRequest();
        var form = await context.Request.ReadFormAsync(ct);
        var outcome = WorkbenchDecisions.TryParseKind(form["decision"], out var kind)
            ? await decisions.DecideAsync(pair, kind, form["reason"], form["expected"], viewer, ct)
            : new DecisionOutcome.Invalid("Choose same person, not the same person or not sure.");
        return await AfterFormAsync(context, request, detail, pair, outcome, ct);
    }

    private static async Task<IResult> UndoPageAsync(HttpContext context, RequestContext request, WorkbenchDecisions decisions, PairDetail detail, string left, string right, CancellationToken ct)
    {
        var viewer = Officer(context, request);
        if (!PairKeys.TryParse(left, right, out var pair)) return Results.BadRequest();
        var form = await context.Request.ReadFormAsync(ct);
        return await AfterFormAsync(context, request, detail, pair, await decisions.UndoAsync(pair, form["decision_id"], viewer, ct), ct);
    }

    private static async Task<IResult> AfterFormAsync(HttpContext context, RequestContext request, PairDetail detail, PairKeys pair, DecisionOutcome outcome, CancellationToken ct)
    {
        if (outcome is DecisionOutcome.Done) return Results.Redirect(pair.Path + "?done=1");
        var frame = request.FrameFor(Officer(context, request));
        var view = await detail.LoadAsync(pair, ct);
        var (message, status) = outcome switch
        {
            DecisionOutcome.Conflict conflict => (conflict.Message, StatusCodes.Status409Conflict),
            DecisionOutcome.Invalid invalid => (invalid.Message, StatusCodes.Status400BadRequest),
            _ => ("Nothing was recorded.", StatusCodes.Status400BadRequest),
        };
        return view is null
            ? RequestContext.Page(WorkbenchPages.Message(frame, "Not recorded", message), status)
            : RequestContext.Page(WorkbenchPages.Pair(frame, view, message, conflict: true), status);
    }

    private static async Task<IResult> UnmatchedPageAsync(HttpContext context, RequestContext request, UnmatchedRecords unmatched, CancellationToken ct) =>
        RequestContext.Page(WorkbenchPages.Unmatched(request.FrameFor(Officer(context, request)), await unmatched.ListAsync(UnmatchedPerFeed, ct), unmatched.CanScore));

    private static async Task<IResult> ReportsPageAsync(HttpContext context, RequestContext request, WrongLinkReports reports, CancellationToken ct) =>
        RequestContext.Page(WorkbenchPages.Reports(request.FrameFor(Officer(context, request)), await reports.OpenAsync(ct)));

    private static async Task<IResult> ResolvePageAsync(HttpContext context, RequestContext request, WrongLinkReports reports, string reportId, CancellationToken ct)
    {
        var viewer = Officer(context, request);
        await reports.ResolveAsync(reportId, viewer, ct);
        return Results.Redirect(PagePrefix + "/reports");
    }

    private static async Task<IResult> QualityIndexAsync(HttpContext context, RequestContext request, QualityReports quality, CancellationToken ct) =>
        RequestContext.Page(WorkbenchPages.QualityIndex(request.FrameFor(Officer(context, request)), await quality.FeedsAsync(ct), quality.HasLake));

    private static async Task<IResult> QualityPageAsync(HttpContext context, RequestContext request, QualityReports quality, string feed, CancellationToken ct) =>
        QualityReports.IsFeedName(feed)
            ? RequestContext.Page(WorkbenchPages.Quality(request.FrameFor(Officer(context, request)), await quality.ForFeedAsync(feed, ct)))
            : RequestContext.Page(WorkbenchPages.Message(request.FrameFor(Officer(context, request)), "Not found", "There is no such feed."), StatusCodes.Status404NotFound);

    private static async Task<IResult> ExportAsync(QualityReports quality, string feed, CancellationToken ct)
    {
        if (!QualityReports.IsFeedName(feed)) return Results.NotFound();
        var csv = QualityExport.Csv(await quality.ForFeedAsync(feed, ct));
        var name = new string(feed.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
        return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"quality-{name}.csv");
    }

    private static async Task<IResult> PairApiAsync(PairDetail detail, string left, string right, CancellationToken ct)
    {
        if (!PairKeys.TryParse(left, right, out var pair)) return Results.Problem("Name two different records as feed:record id.", statusCode: StatusCodes.Status400BadRequest);
        var view = await detail.LoadAsync(pair, ct);
        return view is null ? Results.NotFound() : Results.Ok(new
        {
            left = pair.Left.ToString(),
            right = pair.Right.ToString(),
            state = view.State,
            view.ModelDecision,
            view.MatchWeight,
            view.MatchProbability,
            view.Prior,
            fields = view.Fields.Select(f => new { f.Field, f.Left, f.Right, f.Differs, f.Withheld }),
            waterfall = view.Waterfall,
            history = view.History.Select(d => new { d.DecisionId, decision = WorkbenchDecisions.Name(d.Decision), d.Reason, d.DecidedBy, d.DecidedAt, d.WithdrawnBy, d.WithdrawnAt }),
        });
    }

    private static async Task<IResult> DecideApiAsync(HttpContext context, RequestContext request, WorkbenchDecisions decisions, string left, string right, DecisionRequest body, CancellationToken ct)
    {
        if (!PairKeys.TryParse(left, right, out var pair)) return Results.Problem("Name two different records as feed:record id.", statusCode: StatusCodes.Status400BadRequest);
        if (!WorkbenchDecisions.TryParseKind(body.Decision, out var kind)) return Results.Problem("decision must be same, different or unsure.", statusCode: StatusCodes.Status400BadRequest);
        return ApiResult(await decisions.DecideAsync(pair, kind, body.Reason, body.Expected, Officer(context, request), ct));
    }

    private static async Task<IResult> UndoApiAsync(HttpContext context, RequestContext request, WorkbenchDecisions decisions, string left, string right, UndoRequest body, CancellationToken ct)
    {
        if (!PairKeys.TryParse(left, right, out var pair)) return Results.Problem("Name two different records as feed:record id.", statusCode: StatusCodes.Status400BadRequest);
        return ApiResult(await decisions.UndoAsync(pair, body.DecisionId, Officer(context, request), ct));
    }

    private static IResult ApiResult(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Done done => Results.Ok(new { state = done.LiveDecisionId ?? PairKeys.NoDecision, decisionId = done.Decision?.DecisionId }),
        DecisionOutcome.Conflict conflict => Results.Problem(conflict.Message, statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["state"] = conflict.LiveDecisionId ?? PairKeys.NoDecision }),
        DecisionOutcome.Invalid invalid => Results.Problem(invalid.Message, statusCode: StatusCodes.Status400BadRequest),
        _ => Results.Problem(statusCode: StatusCodes.Status500InternalServerError),
    };

    private static async Task<IResult> ReportPageAsync(HttpContext context, RequestContext request, WrongLinkReports reports, AccessPolicy access, Audit.AuditLog audit, string goldenId, CancellationToken ct)
    {
        var viewer = request.ViewerOf(context);
        if (viewer is null) return RequestContext.Page(StatusPages.NoRole(request.FrameFor(null)), StatusCodes.Status403Forbidden);
        var form = await context.Request.ReadFormAsync(ct);
        var (status, message) = await FileReportAsync(viewer, reports, access, audit, goldenId, form["first_record"], form["second_record"], form["comment"], ct);
        return RequestContext.Page(WorkbenchPages.Message(request.FrameFor(viewer), status == StatusCodes.Status201Created ? "Report sent" : "Report not sent", message), status == StatusCodes.Status201Created ? StatusCodes.Status200OK : status);
    }

    private static async Task<IResult> ReportApiAsync(HttpContext context, RequestContext request, WrongLinkReports reports, AccessPolicy access, Audit.AuditLog audit, string goldenId, ReportRequest body, CancellationToken ct)
    {
        var viewer = request.ViewerOf(context);
        if (viewer is null) return Results.Problem("No role.", statusCode: StatusCodes.Status403Forbidden);
        var (status, message) = await FileReportAsync(viewer, reports, access, audit, goldenId, body.FirstRecord, body.SecondRecord, body.Comment, ct);
        return status == StatusCodes.Status201Created ? Results.Json(new { message }, statusCode: status) : Results.Problem(message, statusCode: status);
    }

    private static async Task<(int Status, string Message)> FileReportAsync(
        Viewer viewer, WrongLinkReports reports, AccessPolicy access, Audit.AuditLog audit, string goldenId, string? first, string? second, string? comment, CancellationToken ct)
    {
        // Only someone who may open the person may say something about them.
        if (!await access.MayOpenAsync(viewer, goldenId, ct)) return (StatusCodes.Status404NotFound, "There is no such person you can see.");
        var (report, problem) = await reports.FileAsync(viewer, goldenId, first, second, comment, ct);
        if (report is null) return (StatusCodes.Status400BadRequest, problem!);
        await audit.RecordAsync(new Audit.AuditDraft(viewer.Subject, viewer.Name, viewer.Role.Key, ReportAction, goldenId, report.ReportId, null, null, null));
        return (StatusCodes.Status201Created, "Thank you: the data quality officer will look at this person's records.");
    }

    internal sealed record DecisionRequest(string? Decision, string? Reason, string? Expected);

    internal sealed record UndoRequest(string? DecisionId);

    internal sealed record ReportRequest(string? FirstRecord, string? SecondRecord, string? Comment);
}
