using Microsoft.AspNetCore.Http;

namespace SingleView.Serve.Administration;

/// <summary>
/// The check that stands in for an antiforgery token on the pages' few POSTs: the browser must say the
/// form came from this site (Origin, or Sec-Fetch-Site when a browser sends no Origin). A bearer token
/// is never sent by a browser on its own and the demo cookie is SameSite=Strict, so this is the second
/// line, not the only one.
/// </summary>
internal static class SameOrigin
{
    public static bool Holds(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (!string.IsNullOrEmpty(origin))
        {
            return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "same-origin", StringComparison.OrdinalIgnoreCase);
    }
}
