using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SingleView.Serve.Access;
using SingleView.Serve.People;
using SingleView.Serve.Search;

namespace SingleView.Serve.Endpoints;

/// <summary>The read-only JSON API: the same models the pages render, so the two cannot show different things.</summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/me", Me);
        api.MapGet("/search", SearchAsync);
        api.MapGet("/people/{goldenId}", PersonAsync);
    }

    private static IResult Me(HttpContext context, RequestContext request)
    {
        var viewer = request.ViewerOf(context);
        return viewer is null
            ? NoRole()
            : Results.Ok(new
            {
                viewer.Name,
                Role = viewer.Role.Key,
                RoleName = viewer.Role.DisplayName,
                viewer.SchoolUrn,
                Services = AccessPolicy.ServicesOf(viewer).Order().Select(s => s.ToString()),
                ContactDetails = AccessPolicy.SeesContactDetails(viewer),
            });
    }

    private static async Task<IResult> SearchAsync(
        HttpContext context, RequestContext request, PersonSearch search, string? name, string? dob, string? postcode, string? id, CancellationToken cancellationToken)
    {
        var viewer = request.ViewerOf(context);
        if (viewer is null) return NoRole();
        var (query, errors) = SearchQuery.From(name, dob, postcode, id);
        if (query is null) return Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        return Results.Ok(await search.SearchAsync(viewer, query, cancellationToken));
    }

    private static async Task<IResult> PersonAsync(HttpContext context, RequestContext request, PersonViewService people, string goldenId, CancellationToken cancellationToken)
    {
        var viewer = request.ViewerOf(context);
        if (viewer is null) return NoRole();
        var person = await people.GetAsync(viewer, goldenId, cancellationToken);
        return person is null ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Person not found") : Results.Ok(person);
    }

    private static IResult NoRole() =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your account has no SingleView role");
}
