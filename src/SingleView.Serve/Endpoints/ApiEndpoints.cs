using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SingleView.Serve.Access;
using SingleView.Serve.Audit;
using SingleView.Serve.People;
using SingleView.Serve.Search;

namespace SingleView.Serve.Endpoints;

/// <summary>The read-only JSON API: the same models the pages render, through the same lookups, so the two cannot show different things.</summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Single view");
        api.MapGet("/me", Me)
            .WithSummary("The signed-in user: role, services, scope")
            .Produces<MeResponse>().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/search", SearchAsync)
            .WithSummary("Find people by name (nicknames and misspellings tolerated), date of birth and postcode, or by one identifier (case person ID, NHS number, UPN). Ranked; each result says why it matched. Recorded in the access log with its terms.")
            .Produces<SearchResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/people/{goldenId}", PersonAsync)
            .WithSummary("One person as the caller's role may see them. A retired ID answers 308 to the current one. Roles that must state a purpose pass ?purpose=. Recorded in the access log.")
            .Produces<PersonView>().Produces(StatusCodes.Status308PermanentRedirect)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/access-report/{goldenId}", AccessReportAsync)
            .WithSummary("Who looked at a person and when (subject access requests). Roles with access_reports only.")
            .Produces<IReadOnlyList<AccessReportEntry>>().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static IResult Me(HttpContext context, RequestContext request)
    {
        var viewer = request.ViewerOf(context);
        return viewer is null
            ? NoRole()
            : Results.Ok(new MeResponse(
                viewer.Name,
                viewer.Role.Key,
                viewer.Role.DisplayName,
                viewer.SchoolUrn,
                AccessPolicy.ServicesOf(viewer).Order().Select(s => s.ToString()).ToList(),
                Core.Model.StandardFields.Golden.Where(f => AccessPolicy.SeesField(viewer, f)).ToList(),
                AccessPolicy.SeesContactDetails(viewer),
                viewer.Role.PurposeRequired));
    }

    private static async Task<IResult> SearchAsync(
        HttpContext context, RequestContext request, PersonSearch search, AuditLog audit, string? name, string? dob, string? postcode, string? id, CancellationToken cancellationToken)
    {
        var viewer = request.ViewerOf(context);
        if (viewer is null) return NoRole();
        var (query, errors) = SearchQuery.From(name, dob, postcode, id);
        if (query is null) return Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        var response = await search.SearchAsync(viewer, query, cancellationToken);
        var entered = new Dictionary<string, string?>(StringComparer.Ordinal) { ["name"] = name, ["dob"] = dob, ["postcode"] = postcode, ["id"] = id };
        await audit.RecordAsync(PersonLookup.Draft(viewer, AuditActions.Search, null, null, null, SearchTerms.Json(entered), response.Shown));
        return Results.Ok(response);
    }

    private static async Task<IResult> PersonAsync(
        HttpContext context, RequestContext request, PersonLookup lookup, string goldenId, string? purpose, CancellationToken cancellationToken)
    {
        var viewer = request.ViewerOf(context);
        if (viewer is null) return NoRole();
        return await lookup.OpenAsync(viewer, goldenId, purpose, cancellationToken) switch
        {
            PersonLookupResult.Found found => Results.Ok(found.Person),
            PersonLookupResult.PurposeNeeded => Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "A purpose is required",
                detail: "Your role must state why it is looking at this person: add ?purpose=... (it is kept in the access log)."),
            PersonLookupResult.Moved moved => Results.Redirect(PageEndpoints.PersonPath("/api/people/", moved.CurrentId, purpose), permanent: true, preserveMethod: true),
            _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Person not found"),
        };
    }

    private static async Task<IResult> AccessReportAsync(HttpContext context, RequestContext request, Publish.ServingDatabase database, string goldenId, CancellationToken cancellationToken)
    {
        var viewer = request.ViewerOf(context);
        if (viewer is null) return NoRole();
        if (!viewer.Role.ReadsAccessReports) return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role may not read the access log");
        return Results.Ok(await AccessReport.ForPersonAsync(database, goldenId, cancellationToken));
    }

    private static IResult NoRole() =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your account has no SingleView role");
}

/// <summary>The answer of /api/me.</summary>
internal sealed record MeResponse(
    string Name,
    string Role,
    string RoleName,
    string? SchoolUrn,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Fields,
    bool ContactDetails,
    bool PurposeRequired);
