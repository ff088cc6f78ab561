using System.Reflection;
using SingleView.Ingest.Definitions;
using SingleView.Samples.Tests.Support;

namespace SingleView.Samples.Tests;

/// <summary>
/// One small sample generated once for the whole test run (on first use) and deleted afterwards.
/// A set-up fixture in the root test namespace, so its tear-down runs after every test.
/// </summary>
[SetUpFixture]
public sealed class GeneratedSample
{
    public static readonly SampleAuthorityOptions Options = new()
    {
        Children = 600,
        Seed = 4242,
        OutputDirectory = Path.Combine(Path.GetTempPath(), "singleview-samples-tests", Guid.NewGuid().ToString("N")),
        ExtractDate = new DateOnly(2025, 3, 3),
    };

    private static readonly Lazy<SampleAuthoritySummary> LazySummary = new(() => SampleAuthorityGenerator.Generate(Options));
    private static IReadOnlyList<FeedDefinition>? definitions;

    public static SampleAuthoritySummary Summary => LazySummary.Value;

    public static IReadOnlyList<FeedDefinition> Definitions => definitions ??= FeedDefinitionLoader.LoadDirectory(PipelinesDirectory);

    public static string PipelinesDirectory
    {
        get
        {
            var root = typeof(GeneratedSample).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "RepositoryRoot").Value!;
            return Path.Combine(root, "pipelines");
        }
    }

    public static string ExtractPath(string feed) => Path.Combine(Options.OutputDirectory, "drops", feed, $"{feed}_20250303.csv");

    public static FeedDefinition DefinitionOf(string feed) => Definitions.Single(d => d.Feed == feed);

    internal static DelimitedFile Extract(string feed)
    {
        _ = Summary;
        var definition = DefinitionOf(feed);
        return DelimitedFile.Read(ExtractPath(feed), definition.Format.Delimiter, definition.Format.Encoding);
    }

    internal static DelimitedFile Truth() => Summary is null ? throw new InvalidOperationException() : DelimitedFile.Read(Path.Combine(Options.OutputDirectory, "truth.csv"), ',');

    [OneTimeTearDown]
    public void Delete()
    {
        var root = Path.Combine(Path.GetTempPath(), "singleview-samples-tests");
        if (Directory.Exists(Options.OutputDirectory)) Directory.Delete(Options.OutputDirectory, recursive: true);
        if (Directory.Exists(root) && !Directory.EnumerateFileSystemEntries(root).Any()) Directory.Delete(root);
    }
}
