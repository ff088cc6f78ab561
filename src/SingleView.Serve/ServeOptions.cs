using SingleView.Core.Configuration;
using SingleView.Publish;

namespace SingleView.Serve;

/// <summary>What <c>singleview serve</c> and <c>singleview demo</c> pass to <see cref="SingleViewWebApp"/>.</summary>
public sealed record ServeOptions
{
    private const string Source = "(serve options)";

    /// <summary>The serving database the publish stage fills; the view only reads it.</summary>
    public required ServingDatabase Database { get; init; }

    /// <summary>The folder holding roles.yaml and display.yaml.</summary>
    public required string ConfigDirectory { get; init; }

    /// <summary>
    /// The data directory (<c>--data</c>, default .singleview): a relative <c>lake_directory</c> in workbench.yaml is
    /// read from it, so the quality reports read the lake of the data the view serves, whatever the working directory.
    /// </summary>
    public string DataDirectory { get; init; } = ".singleview";

    /// <summary>
    /// Demo mode replaces single sign-on with a development sign-in page. Never on a real deployment:
    /// anyone can pick any role.
    /// </summary>
    public bool DemoMode { get; init; }

    /// <summary>Where to listen. Loopback by default; use port 0 for a free port.</summary>
    public string Url { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Single sign-on settings; required outside demo mode.</summary>
    public JwtOptions? Jwt { get; init; }

    internal string RolesFile => Path.Combine(ConfigDirectory, "roles.yaml");

    internal string DisplayFile => Path.Combine(ConfigDirectory, "display.yaml");

    /// <summary>Refuses options the app cannot start with, naming the option and what is wrong.</summary>
    public void Validate()
    {
        if (Database is null) throw new ConfigurationException(Source, nameof(Database), "is required");
        Require.Text(ConfigDirectory, Source, nameof(ConfigDirectory));
        if (!Directory.Exists(ConfigDirectory))
        {
            throw new ConfigurationException(ConfigDirectory, nameof(ConfigDirectory), "the configuration folder does not exist");
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConfigurationException(Source, nameof(Url), $"'{Url}' is not an http or https address");
        }

        if (!DemoMode)
        {
            if (Jwt is null) throw new ConfigurationException(Source, nameof(Jwt), "single sign-on settings are required outside demo mode");
            Jwt.Validate();
        }
    }
}
