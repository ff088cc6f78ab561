using SingleView.Ingest.Definitions;

namespace SingleView.Ingest.Tests;

/// <summary>Feed definitions for tests, read by the real loader from YAML.</summary>
internal static class TestFeeds
{
    public static FeedDefinition Definition(string feed = "lcs", string dropFolder = "lcs", string pattern = "lcs_*.csv") =>
        FeedDefinitionLoader.Parse($"{feed}.yaml", $"""
            feed: {feed}
            source_system: LCS
            service: childrens_social_care
            transport:
              kind: drop_folder
              drop_folder: "{dropFolder}"
              file_pattern: "{pattern}"
            record_id: PersonID
            columns:
              first_name: Forename
              family_name: Surname
            governance:
              legal_basis: Children Act 1989 s17
              sharing_agreement: ISA-1
              data_owner: Head of Children's Services
              retention_days: 365
            """);
}

/// <summary>A clock that stands still, for manifests' received_at.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("singleview-ingest-").FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string Write(string relativePath, string content)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
