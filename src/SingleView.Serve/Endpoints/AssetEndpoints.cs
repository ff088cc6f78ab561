using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SingleView.Serve.Endpoints;

/// <summary>
/// Stylesheets, scripts, fonts and images (GOV.UK Frontend and the app's own), served from resources
/// embedded in this assembly at build time: nothing from a CDN, nothing to find on disk at run time.
/// </summary>
internal static class AssetEndpoints
{
    private const string Prefix = "assets/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every embedded asset by its path under /assets/, read once.</summary>
    internal static readonly Lazy<FrozenDictionary<string, byte[]>> All = new(() =>
    {
        var assembly = typeof(AssetEndpoints).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(name => name[Prefix.Length..], name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            }, StringComparer.Ordinal);
    });

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/assets/{**path}", (HttpContext context, string path) =>
        {
            var extension = Path.GetExtension(path);
            if (!All.Value.TryGetValue(path, out var bytes) || !ContentTypes.TryGetValue(extension, out var contentType))
            {
                return Results.NotFound();
            }

            // File names of fonts and images carry a hash; the app's own files change only with a release.
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(bytes, contentType);
        }).AllowAnonymous().ExcludeFromDescription();
}
