namespace SingleView.Serve.People;

/// <summary>Builds "open in the source system" links from a feed's launch_url template.</summary>
internal static class LaunchLinks
{
    /// <summary>The link, or null when there is no template or it would not be a plain http(s) address (never javascript: and the like).</summary>
    public static string? For(string? template, string recordId)
    {
        if (string.IsNullOrWhiteSpace(template)) return null;
        var url = template.Replace("{record_id}", Uri.EscapeDataString(recordId), StringComparison.Ordinal);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
    }
}
