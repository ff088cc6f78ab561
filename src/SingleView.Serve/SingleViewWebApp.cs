using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SingleView.Serve.Access;
using SingleView.Serve.Audit;
using SingleView.Serve.Configuration;
using SingleView.Serve.Data;
using SingleView.Serve.Endpoints;
using SingleView.Serve.People;
using SingleView.Serve.Search;

namespace SingleView.Serve;

/// <summary>
/// The read-only single view: JSON API and server-rendered pages over the serving database. Called by
/// <c>singleview serve</c> and <c>singleview demo</c>.
/// </summary>
public static class SingleViewWebApp
{
    /// <summary>
    /// Validates the options, loads roles.yaml and display.yaml (a bad file is a
    /// <see cref="Core.Configuration.ConfigurationException"/> naming file and field) and builds the app,
    /// not yet started.
    /// </summary>
    public static WebApplication Build(ServeOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var roles = RoleCatalogue.Load(options.RolesFile);
        var display = DisplaySettings.Load(options.DisplayFile);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SingleViewWebApp).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(options.Url);
        // Request-by-request information logs drown a terminal; warnings and errors are what an operator acts on.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(roles);
        services.AddSingleton(display);
        services.AddSingleton(timeProvider ?? TimeProvider.System);
        services.AddSingleton(options.Database);
        // Made by the container so that it is disposed with the app (it keeps SQLite connections open).
        services.AddSingleton(_ => new ServingReader(options.Database));
        services.AddSingleton(NicknameIndex.Load(options.ConfigDirectory));
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<PersonSearch>();
        services.AddSingleton<PersonViewService>();
        services.AddSingleton<PersonLookup>();
        services.AddSingleton<AuditLog>();
        services.AddHttpContextAccessor();
        services.AddSingleton<RequestContext>();
        SiteForms.AddServices(services);
        services.AddProblemDetails();
        services.AddOpenApi(OpenApiDescription.Configure);
        SignInSchemes.Add(services, options);
        Administration.SchedulePages.AddServices(services, options, timeProvider);
        Workbench.WorkbenchEndpoints.AddServices(services, options);

        var app = builder.Build();
        // Made now, not at the first look: it moves an older serving file's access log into its own file at start.
        app.Services.GetRequiredService<AuditLog>();
        app.Use(SecurityHeaders);
        app.UseAuthentication();
        app.UseAuthorization();
        InfrastructureEndpoints.Map(app);
        AssetEndpoints.Map(app);
        // The OpenAPI description is for signed-in users only, like the API it describes (the fallback policy).
        app.MapOpenApi(OpenApiDescription.Route);
        PageEndpoints.Map(app);
        Administration.SchedulePages.Map(app);
        ApiEndpoints.Map(app);
        Workbench.WorkbenchEndpoints.Map(app);
        if (options.DemoMode) DemoSignInEndpoints.Map(app);
        return app;
    }

    /// <summary>Builds, starts and serves until the token is cancelled.</summary>
    public static async Task RunAsync(ServeOptions options, CancellationToken cancellationToken)
    {
        await using var app = Build(options);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException exception) when (exception.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Kestrel's own message comes with a long stack trace; the one thing to do is to choose another address.
            throw new Core.Configuration.ConfigurationException(
                "(serve options)", "Url (--url)", $"{options.Url} is already in use by another program: stop it, or choose another address with --url, e.g. --url http://127.0.0.1:5081");
        }

        await app.WaitForShutdownAsync(cancellationToken);
    }

    /// <summary>
    /// Pages carry personal data: never cached or framed, and their addresses (a person's id, a stated purpose) never
    /// go to another site as a referrer; scripts, styles and fonts only from this site. same-origin, not no-referrer:
    /// under no-referrer a browser posts this site's own forms with "Origin: null", which <see cref="SameOrigin"/> refuses.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal)) headers.CacheControl = "no-store";
        return next();
    }
}
