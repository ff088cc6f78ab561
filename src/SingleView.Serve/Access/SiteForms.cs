using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SingleView.Serve.Endpoints;
using SingleView.Serve.Pages;

namespace SingleView.Serve.Access;

/// <summary>
/// The one guard on every form a page posts (decisions, undo, wrong-link reports, resolving a report, "Run now",
/// the demo sign-in): an ASP.NET Core antiforgery token that the page put in the form and the browser sends back
/// with its antiforgery cookie, and the browser's own word that the form came from this site (<see cref="SameOrigin"/>).
/// A bearer token may be added by a proxy in front of the browser, so the token, not the identity, is the proof.
/// </summary>
internal static class SiteForms
{
    /// <summary>The form field that carries the token (ASP.NET Core's default name).</summary>
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The antiforgery cookie's name; SameSite=Strict, so another site's page never sends it.</summary>
    public const string TokenCookie = "singleview-antiforgery";

    public static void AddServices(IServiceCollection services) => services.AddAntiforgery(antiforgery =>
    {
        antiforgery.FormFieldName = TokenField;
        antiforgery.Cookie.Name = TokenCookie;
        antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        antiforgery.Cookie.HttpOnly = true;
        antiforgery.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        // Every page already sends X-Frame-Options: DENY; the default SAMEORIGIN would only weaken it.
        antiforgery.SuppressXFrameOptionsHeader = true;
    });

    /// <summary>The hidden field for a form on the page being made for this request (sets the antiforgery cookie too).</summary>
    public static string RequestToken(HttpContext context) =>
        context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken
            ?? throw new InvalidOperationException("The antiforgery service made no request token.");

    /// <summary>Refuses, with a page that says what to do, a post without a valid token or from another site's page.</summary>
    public static RouteHandlerBuilder RequireSiteForm(this RouteHandlerBuilder builder) =>
        builder.DisableAntiforgery().AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (SameOrigin.Holds(http.Request) && await antiforgery.IsRequestValidAsync(http)) return await next(invocation);
            var request = http.RequestServices.GetRequiredService<RequestContext>();
            return RequestContext.Page(StatusPages.FormRefused(request.FrameFor(request.ViewerOf(http))), StatusCodes.Status403Forbidden);
        });
}
