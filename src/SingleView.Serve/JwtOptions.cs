using SingleView.Core.Configuration;

namespace SingleView.Serve;

/// <summary>
/// How bearer tokens from the authority's identity provider are checked. Either an <see cref="Authority"/>
/// (OpenID Connect discovery finds the signing keys) or, for tests and air-gapped installs, a
/// <see cref="SymmetricSigningKey"/>.
/// </summary>
public sealed record JwtOptions
{
    private const string Source = "(serve options)";

    /// <summary>The identity provider, e.g. https://login.microsoftonline.com/{tenant}/v2.0.</summary>
    public string? Authority { get; init; }

    /// <summary>The audience tokens must be issued for (the app registration's client id or URI).</summary>
    public required string Audience { get; init; }

    /// <summary>The issuer tokens must carry when a symmetric key is used; not checked when empty.</summary>
    public string? Issuer { get; init; }

    /// <summary>A shared secret (at least 32 characters) that signs test tokens. Not for production.</summary>
    public string? SymmetricSigningKey { get; init; }

    /// <summary>Discovery over plain http is refused unless this is turned off (local identity providers only).</summary>
    public bool RequireHttpsMetadata { get; init; } = true;

    public void Validate()
    {
        Require.Text(Audience, Source, "Jwt.Audience");
        if (string.IsNullOrWhiteSpace(Authority) && string.IsNullOrWhiteSpace(SymmetricSigningKey))
        {
            throw new ConfigurationException(Source, "Jwt.Authority", "an authority or a symmetric signing key is required");
        }

        // Checked here, at start: left to the bearer handler, an http authority fails every request with a 500.
        if (!string.IsNullOrWhiteSpace(Authority))
        {
            if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
            {
                throw new ConfigurationException(Source, "Jwt.Authority (--jwt-authority)", $"'{Authority}' is not an https address of an identity provider");
            }

            if (authority.Scheme != Uri.UriSchemeHttps && RequireHttpsMetadata)
            {
                throw new ConfigurationException(
                    Source, "Jwt.Authority (--jwt-authority)", $"'{Authority}' is not https: tokens cannot be checked against an identity provider over plain http");
            }
        }

        if (SymmetricSigningKey is { Length: < 32 })
        {
            throw new ConfigurationException(Source, "Jwt.SymmetricSigningKey", "must be at least 32 characters");
        }
    }
}
