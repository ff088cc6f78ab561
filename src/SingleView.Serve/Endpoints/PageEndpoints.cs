using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SingleView.Serve.Pages;
using SingleView.Serve.People;
using SingleView.Serve.Search;

namespace SingleView.Serve.Endpoints;

/// <summary>The server-rendered pages. Every one needs a signed-in viewer with a role (the fallback policy).</summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/search"));
        app.MapGet("/search", SearchAsync);
        app.MapGet("/people/{goldenId}", PersonAsync);
    }

    private static async Task<IResult> SearchAsync(
        HttpContext context, RequestContext request, PersonSearch search, string? name, string? dob, string? postcode, string? id, CancellationToken cancellationToken)
    {
        var viewer = request.ViewerOf(context);
        if (viewer is null) return RequestContext.Page(StatusPages.NoRole(request.FrameFor(null)), StatusCodes.Status403Forbidden);
        var entered = new Dictionary<string, string?>(StringComparer.Ordinal) { ["name"] = name, ["dob"] = dob, ["postcode"] = postcode, ["id"] = id };
        var asked = entered.Values.Any(v => !string.IsNullOrWhiteSpace(v));
        if (!asked) return RequestContext.Page(SearchPage.Render(request.FrameFor(viewer), entered, new Dictionary<string, string>(), null));
        var (query, errors) = SearchQuery.From(name, dob, postcode, id);
        var response = query is null ? null : await search.SearchAsync(viewer, query, cancellationToken);
        return RequestContext.Page(
            SearchPage.Render(request.FrameFor(viewer), entered, errors, response),
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> PersonAsync(HttpContext context, RequestContext request, PersonViewService people, string goldenId, CancellationToken cancellationToken)
    {
        var viewer = request.ViewerOf(context);
        if (viewer is null) return RequestContext.Page(StatusPages.NoRole(request.FrameFor(null)), StatusCodes.Status403Forbidden);
        var person = await people.GetAsync(viewer, goldenId, cancellationToken);
        return person is null
            ? RequestContext.Page(StatusPages.NotFound(request.FrameFor(viewer)), StatusCodes.Status404NotFound)
            : RequestContext.Page(PersonPage.Render(request.FrameFor(viewer), person));
    }
}
