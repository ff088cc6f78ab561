using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SingleView.Serve.Data;

namespace SingleView.Serve.Endpoints;

/// <summary>Health (assets are in AssetEndpoints): the only things served without sign-in (besides the demo sign-in).</summary>
internal static class InfrastructureEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (ServingReader reader, CancellationToken cancellationToken) =>
            await reader.IsReadyAsync(cancellationToken)
                ? Results.Text("ok")
                : Results.Text("serving database not ready", statusCode: StatusCodes.Status503ServiceUnavailable)).AllowAnonymous().ExcludeFromDescription();
    }
}
