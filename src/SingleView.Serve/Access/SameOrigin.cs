using Microsoft.AspNetCore.Http;

namespace SingleView.Serve.Access;

/// <summary>
/// The browser's own word that a posted form came from this site: its Origin header names this site, or, from a
/// browser that sends no Origin, Sec-Fetch-Site says same-origin. Pages send Referrer-Policy: same-origin, under
/// which a browser sends the real Origin on a same-origin post; "Origin: null" (a sandboxed frame, a redirect
/// through another site, a no-referrer policy) is never this site's page and is refused. The antiforgery token of
/// <see cref="SiteForms"/> is checked as well: this check alone would trust a browser's headers.
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
