using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using SingleView.Serve.Configuration;
using SingleView.Serve.Pages;

namespace SingleView.Serve.Access;

/// <summary>
/// Registers how people sign in: JWT bearer tokens from the authority's identity provider, or — in demo
/// mode only — a development cookie. Exactly one of the two is registered, so the development sign-in
/// cannot exist on a real deployment.
/// </summary>
internal static class SignInSchemes
{
    /// <summary>The demo cookie scheme's name; never registered outside demo mode.</summary>
    public const string DemoCookie = "SingleViewDemoCookie";

    public static void Add(IServiceCollection services, ServeOptions options)
    {
        if (options.DemoMode) AddDemoCookie(services);
        else AddJwtBearer(services, options.Jwt!);
        services.AddAuthorization(authorization =>
            authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static void AddJwtBearer(IServiceCollection services, JwtOptions jwt)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(bearer =>
        {
            // Keep claim names as the identity provider sent them ("roles", "school_urn"); ViewerClaims reads them.
            bearer.MapInboundClaims = false;
            bearer.Audience = jwt.Audience;
            bearer.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
            if (!string.IsNullOrWhiteSpace(jwt.Authority)) bearer.Authority = jwt.Authority;
            bearer.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = jwt.Audience,
                ValidateAudience = true,
                ValidateLifetime = true,
                NameClaimType = ViewerClaims.Name,
                RoleClaimType = ViewerClaims.Roles,
            };
            if (!string.IsNullOrWhiteSpace(jwt.SymmetricSigningKey))
            {
                bearer.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SymmetricSigningKey));
                bearer.TokenValidationParameters.ValidateIssuerSigningKey = true;
                bearer.TokenValidationParameters.ValidIssuer = jwt.Issuer;
                bearer.TokenValidationParameters.ValidateIssuer = !string.IsNullOrWhiteSpace(jwt.Issuer);
            }

            bearer.Events = new JwtBearerEvents
            {
                // A person at a browser gets a page that says what to do, not an empty 401.
                OnChallenge = async context =>
                {
                    if (IsApi(context.Request)) return;
                    context.HandleResponse();
                    await WritePageAsync(context.HttpContext, StatusCodes.Status401Unauthorized, StatusPages.NotSignedIn);
                },
            };
        });
    }

    private static void AddDemoCookie(IServiceCollection services)
    {
        services.AddAuthentication(DemoCookie).AddCookie(DemoCookie, cookie =>
        {
            cookie.Cookie.Name = "singleview-demo";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.LoginPath = "/sign-in";
            cookie.LogoutPath = "/sign-out";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => ApiGetsStatusCode(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => ApiGetsStatusCode(context, StatusCodes.Status403Forbidden),
            };
        });
    }

    private static Task ApiGetsStatusCode(RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        if (IsApi(context.Request)) context.Response.StatusCode = statusCode;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    internal static async Task WritePageAsync(HttpContext context, int statusCode, Func<PageFrame, string> page)
    {
        var display = context.RequestServices.GetRequiredService<DisplaySettings>();
        var options = context.RequestServices.GetRequiredService<ServeOptions>();
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(page(new PageFrame(null, options.DemoMode, display.Disclaimer)));
    }
}
