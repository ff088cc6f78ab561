using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SingleView.Serve.Access;
using SingleView.Serve.Audit;
using SingleView.Serve.Pages;
using SingleView.Serve.People;
using SingleView.Serve.Search;

namespace SingleView.Serve.Endpoints;

/// <summary>The server-rendered pages. Every one needs a signed-in viewer with a role (the fallback policy).</summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(string.Empty).ExcludeFromDescription();
        pages.MapGet("/", () => Results.Redirect("/search"));
        pages.MapGet("/search", SearchAsync);
        pages.MapGet("/people/{goldenId}", PersonAsync);
        pages.MapGet("/access-report", AccessReportAsync);
    }

    private static async Task<IResult> SearchAsync(
        HttpContext context, RequestContext request, PersonSearch search, AuditLog audit, string? name, string? dob, string? postcode, string? id, CancellationToken cancellationToken)
    {
        var viewer = request.ViewerOf(context);
        if (viewer is null) return RequestContext.Page(StatusPages.NoRole(request.FrameFor(null)), StatusCodes.Status403Forbidden);
        var entered = new Dictionary<string, string?>(StringComparer.Ordinal) { ["name"] = name, ["dob"] = dob, ["postcode"] = postcode, ["id"] = id };
        var asked = entered.Values.Any(v => !string.IsNullOrWhiteSpace(v));
        if (!asked) return RequestContext.Page(SearchPage.Render(request.FrameFor(viewer), entered, new Dictionary<string, string>(), null));
        var (query, errors) = SearchQuery.From(name, dob, postcode, id);
        SearchResponse? response = null;
        if (query is not null)
        {
            response = await search.SearchAsync(viewer, query, cancellationToken);
            await audit.RecordAsync(PersonLookup.Draft(viewer, AuditActions.Search, null, null, null, SearchTerms.Json(entered), response.Shown));
        }

        return RequestContext.Page(
            SearchPage.Render(request.FrameFor(viewer), entered, errors, response),
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> PersonAsync(
        HttpContext context, RequestContext request, PersonLookup lookup, string goldenId, string? purpose, CancellationToken cancellationToken)
    {
        var viewer = request.ViewerOf(context);
        if (viewer is null) return RequestContext.Page(StatusPages.NoRole(request.FrameFor(null)), StatusCodes.Status403Forbidden);
        return await lookup.OpenAsync(viewer, goldenId, purpose, cancellationToken) switch
        {
            PersonLookupResult.Found found => new HtmlPageResult(PersonPage.Frame(request.FrameFor(viewer), found.Person)),
            PersonLookupResult.PurposeNeeded => RequestContext.Page(
                PurposePage.Render(request.FrameFor(viewer), goldenId, purpose is not null),
                purpose is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest),
            PersonLookupResult.Moved moved => Results.Redirect(PersonPath("/people/", moved.CurrentId, purpose)),
            _ => RequestContext.Page(StatusPages.NotFound(request.FrameFor(viewer)), StatusCodes.Status404NotFound),
        };
    }

    private static async Task<IResult> AccessReportAsync(HttpContext context, RequestContext request, Publish.ServingDatabase database, string? person, CancellationToken cancellationToken)
    {
        var viewer = request.ViewerOf(context);
        if (viewer is null) return RequestContext.Page(StatusPages.NoRole(request.FrameFor(null)), StatusCodes.Status403Forbidden);
        if (!viewer.Role.ReadsAccessReports) return RequestContext.Page(StatusPages.NotAllowed(request.FrameFor(viewer)), StatusCodes.Status403Forbidden);
        var entries = string.IsNullOrWhiteSpace(person) ? null : await AccessReport.ForPersonAsync(database, person, cancellationToken);
        return RequestContext.Page(AccessReportPage.Render(request.FrameFor(viewer), person?.Trim(), entries));
    }

    /// <summary>A person's address, keeping the stated purpose so that following a redirect needs no second asking.</summary>
    internal static string PersonPath(string prefix, string goldenId, string? purpose) =>
        prefix + Uri.EscapeDataString(goldenId) + (string.IsNullOrWhiteSpace(purpose) ? string.Empty : "?purpose=" + Uri.EscapeDataString(purpose.Trim()));
}
