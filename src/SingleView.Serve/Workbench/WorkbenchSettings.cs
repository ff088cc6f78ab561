using SingleView.Core.Configuration;

namespace SingleView.Serve.Workbench;

/// <summary>Which feeds an unmatched record of a feed was expected to link to.</summary>
internal sealed record ExpectedLink(IReadOnlyList<string> To, bool ChildrenOnly);

/// <summary>
/// config/workbench.yaml. A missing file means the defaults: the data quality officer role, no lake (quality
/// reports from the published data only), three candidates and no expected links.
/// </summary>
internal sealed record WorkbenchSettings
{
    public const string FileName = "workbench.yaml";

    public string OfficerRole { get; init; } = "data_quality_officer";

    public string? LakeDirectory { get; init; }

    /// <summary>The feed definitions, for each feed's delivery cut-off (expected_by); missing folder: none.</summary>
    public string PipelinesDirectory { get; init; } = "pipelines";

    public int Candidates { get; init; } = 3;

    public IReadOnlyDictionary<string, ExpectedLink> ExpectedLinks { get; init; } = new Dictionary<string, ExpectedLink>();

    /// <summary>The configuration folder the matching model is read from, for candidates of unmatched records.</summary>
    public string ConfigDirectory { get; init; } = "config";

    /// <summary>Reads the file; a relative lake_directory is resolved from <paramref name="dataDirectory"/> (an absolute one is kept).</summary>
    public static WorkbenchSettings Load(string configDirectory, string dataDirectory)
    {
        var path = Path.Combine(configDirectory, FileName);
        if (!File.Exists(path)) return new WorkbenchSettings { ConfigDirectory = configDirectory };
        var document = YamlDocument.Parse<Document>(path, File.ReadAllText(path));
        var settings = new WorkbenchSettings
        {
            OfficerRole = Require.Text(document.OfficerRole, path, "officer_role"),
            LakeDirectory = string.IsNullOrWhiteSpace(document.LakeDirectory) ? null : Path.Combine(dataDirectory, document.LakeDirectory),
            PipelinesDirectory = Require.Text(document.PipelinesDirectory, path, "pipelines_directory"),
            Candidates = document.Candidates is >= 1 and <= 20
                ? document.Candidates
                : throw new ConfigurationException(path, "candidates", $"must be between 1 and 20, not {document.Candidates}"),
            ExpectedLinks = (document.ExpectedLinks ?? []).ToDictionary(
                pair => pair.Key,
                pair => pair.Value.To is { Count: > 0 } to
                    ? new ExpectedLink(to, pair.Value.ChildrenOnly)
                    : throw new ConfigurationException(path, $"expected_links.{pair.Key}.to", "names no feed"),
                StringComparer.Ordinal),
            ConfigDirectory = configDirectory,
        };
        return settings;
    }

    private sealed class Document
    {
        public string? OfficerRole { get; set; } = "data_quality_officer";
        public string? LakeDirectory { get; set; }
        public string? PipelinesDirectory { get; set; } = "pipelines";
        public int Candidates { get; set; } = 3;
        public Dictionary<string, LinkDocument>? ExpectedLinks { get; set; }
    }

    private sealed class LinkDocument
    {
        public List<string>? To { get; set; }
        public bool ChildrenOnly { get; set; }
    }
}
