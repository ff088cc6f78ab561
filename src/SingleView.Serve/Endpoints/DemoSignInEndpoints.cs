using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SingleView.Serve.Access;
using SingleView.Serve.Configuration;
using SingleView.Serve.Data;
using SingleView.Serve.Pages;

namespace SingleView.Serve.Endpoints;

/// <summary>
/// The development sign-in of demo mode. Mapped only when <see cref="ServeOptions.DemoMode"/> is on,
/// so on a real deployment /sign-in does not exist at all.
/// </summary>
internal static class DemoSignInEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/sign-in", ShowAsync).AllowAnonymous();
        app.MapPost("/sign-in", SignInAsync).AllowAnonymous().RequireSiteForm();
        app.MapGet("/sign-out", (Delegate)SignOutAsync).AllowAnonymous();
    }

    private static async Task<IResult> ShowAsync(RequestContext request, RoleCatalogue roles, ServingReader reader, string? returnUrl, CancellationToken cancellationToken)
    {
        var schools = await SchoolsAsync(reader, cancellationToken);
        return RequestContext.Page(SignInPage.Render(request.FrameFor(null), roles.All, schools, LocalOrHome(returnUrl)));
    }

    private static async Task<IResult> SignInAsync(HttpContext context, RequestContext request, RoleCatalogue roles, ServingReader reader, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var role = roles.Find(form["role"].ToString());
        var schoolUrn = form["school_urn"].ToString().Trim();
        var returnUrl = LocalOrHome(form["returnUrl"].ToString());
        var error = role is null ? "Choose a role"
            : role.Scope == RoleScope.SchoolRoll && schoolUrn.Length == 0 ? "Choose the school for a school designated safeguarding lead"
            : null;
        if (error is not null)
        {
            var schools = await SchoolsAsync(reader, cancellationToken);
            return RequestContext.Page(SignInPage.Render(request.FrameFor(null), roles.All, schools, returnUrl, error), StatusCodes.Status400BadRequest);
        }

        var claims = new List<Claim>
        {
            new(ViewerClaims.Name, $"Demo {role!.DisplayName.ToLowerInvariant()}"),
            new(ViewerClaims.Role, role.Key),
            new("sub", $"demo-{role.Key}{(schoolUrn.Length == 0 ? string.Empty : "-" + schoolUrn)}"),
        };
        if (role.Scope == RoleScope.SchoolRoll) claims.Add(new Claim(ViewerClaims.SchoolUrn, schoolUrn));
        var identity = new ClaimsIdentity(claims, SignInSchemes.DemoCookie, ViewerClaims.Name, ViewerClaims.Role);
        await context.SignInAsync(SignInSchemes.DemoCookie, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(SignInSchemes.DemoCookie);
        return Results.Redirect("/sign-in");
    }

    private static async Task<IReadOnlyList<(string Urn, string Name)>> SchoolsAsync(ServingReader reader, CancellationToken cancellationToken) =>
        await reader.IsReadyAsync(cancellationToken) ? await reader.SchoolsAsync(cancellationToken) : [];

    /// <summary>Only a path on this site, never another site (no open redirect).</summary>
    private static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/search";
}
