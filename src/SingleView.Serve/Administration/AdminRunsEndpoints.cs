using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SingleView.Schedule.Digests;
using SingleView.Schedule.History;
using SingleView.Schedule.Hosting;
using SingleView.Serve.Access;
using SingleView.Serve.Endpoints;
using SingleView.Serve.Pages;

namespace SingleView.Serve.Administration;

/// <summary>/admin/runs: the run history, digest deliveries and "Run now", for the administrator role only.</summary>
internal static class AdminRunsEndpoints
{
    /// <summary>The roles.yaml key of the role that runs the service.</summary>
    public const string AdministratorRole = "administrator";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/runs", ShowAsync);
        app.MapPost("/admin/runs/run-now", RunNowAsync).RequireSiteForm();
    }

    private static async Task<IResult> ShowAsync(
        HttpContext context, RequestContext request, RunHistory history, DigestStore digests, ScheduleControl control, string? requested, CancellationToken cancellationToken)
    {
        var viewer = request.ViewerOf(context);
        if (!IsAdministrator(viewer)) return Forbidden(request, viewer);
        var page = new AdminRunsModel(
            control.Enabled,
            await control.StatusAsync(cancellationToken),
            await control.NextFiresAsync(cancellationToken),
            await history.RecentAsync(30, cancellationToken),
            await digests.RecentAsync(30, cancellationToken),
            requested == "1");
        return RequestContext.Page(AdminRunsPage.Render(request.FrameFor(viewer), page));
    }

    private static async Task<IResult> RunNowAsync(HttpContext context, RequestContext request, ScheduleControl control, CancellationToken cancellationToken)
    {
        var viewer = request.ViewerOf(context);
        if (!IsAdministrator(viewer)) return Forbidden(request, viewer);
        if (!await control.RunRefreshNowAsync(viewer!.Name, cancellationToken))
        {
            return RequestContext.Page(AdminRunsPage.Refused(request.FrameFor(viewer), "Scheduling is not enabled on this host (config/schedule.yaml), so there is nothing to run the refresh."), StatusCodes.Status409Conflict);
        }

        return Results.Redirect("/admin/runs?requested=1");
    }

    private static bool IsAdministrator(Viewer? viewer) => viewer?.Role.Key == AdministratorRole;

    private static IResult Forbidden(RequestContext request, Viewer? viewer) =>
        RequestContext.Page(viewer is null ? StatusPages.NoRole(request.FrameFor(null)) : AdminRunsPage.Refused(request.FrameFor(viewer), "This page is for the SingleView administrator."), StatusCodes.Status403Forbidden);
}
