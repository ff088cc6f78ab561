using Microsoft.AspNetCore.Http;
using SingleView.Serve.Access;
using SingleView.Serve.Configuration;
using SingleView.Serve.Administration;
using SingleView.Serve.Pages;
using SingleView.Serve.Workbench;

namespace SingleView.Serve.Endpoints;

/// <summary>The viewer and page frame of one request, read the same way by pages and API.</summary>
internal sealed class RequestContext(
    RoleCatalogue roles, DisplaySettings display, ServeOptions options, WorkbenchSettings workbench, RefreshStatusMonitor refreshStatus, IHttpContextAccessor http)
{
    public Viewer? ViewerOf(HttpContext context) => ViewerClaims.Read(context.User, roles);

    public PageFrame FrameFor(Viewer? viewer) => new(viewer, options.DemoMode, display.Disclaimer)
    {
        Links = viewer is null ? [] : NavigationLinks.For(viewer, workbench.OfficerRole),
        RefreshWarning = viewer is null ? null : refreshStatus.Warning,
        // Made only when the page has a form: it costs a data protection operation and sets a cookie.
        RequestToken = http.HttpContext is { } context ? () => SiteForms.RequestToken(context) : null,
    };

    public static IResult Page(string html, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);
}
