using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SingleView.Serve.Data;

namespace SingleView.Serve.Endpoints;

/// <summary>Health and the stylesheet: the only things served without sign-in (besides the demo sign-in).</summary>
internal static class InfrastructureEndpoints
{
    private const string StylesheetResource = "SingleView.Serve.Assets.singleview.css";

    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = typeof(InfrastructureEndpoints).Assembly.GetManifestResourceStream(StylesheetResource)
            ?? throw new InvalidOperationException($"{StylesheetResource} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (ServingReader reader, CancellationToken cancellationToken) =>
            await reader.IsReadyAsync(cancellationToken)
                ? Results.Text("ok")
                : Results.Text("serving database not ready", statusCode: StatusCodes.Status503ServiceUnavailable)).AllowAnonymous();
        app.MapGet("/assets/singleview.css", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8");
        }).AllowAnonymous();
    }
}
