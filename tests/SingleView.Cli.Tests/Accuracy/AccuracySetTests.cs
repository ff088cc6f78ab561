using SingleView.Cli.Commands.Accuracy;
using SingleView.Core.Configuration;
using SingleView.Ingest.Definitions;
using SingleView.Tests.Shared;

namespace SingleView.Cli.Tests.Accuracy;

public class AccuracySetTests
{
    private static readonly string Sets = Path.Combine(RepositoryRoot.Path, "scripts", "bench", "accuracy");

    private static IEnumerable<string> CommittedSets() =>
        Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Path, "scripts", "bench", "accuracy")).Select(Path.GetFileName).OfType<string>().Order();

    [TestCaseSource(nameof(CommittedSets))]
    public void Load_CommittedSet_LoadsWithFeedDefinitionsTheLoaderAccepts(string name)
    {
        var set = AccuracySet.Load(Path.Combine(Sets, name));

        set.Name.ShouldNotBeNullOrWhiteSpace();
        FeedDefinitionLoader.LoadDirectory(set.PipelinesDirectory).ShouldNotBeEmpty();
        foreach (var (feed, _) in set.Deliveries) FeedDefinitionLoader.LoadDirectory(set.PipelinesDirectory).ShouldContain(d => d.Feed == feed);
    }

    [Test]
    public void Load_CommittedSets_CoverFebrlTheIndependentFlavoursAndTheOwnGenerator()
    {
        CommittedSets().ShouldBe(["febrl3", "febrl4", "few-columns", "historical", "own", "uk"]);
    }

    [Test]
    public void Load_DeliveriesAndAGenerator_RefusedNamingTheFileAndField()
    {
        var folder = Directory.CreateTempSubdirectory("singleview-accuracy-set-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "set.yaml"), """
                name: both
                pipelines: pipelines
                deliveries:
                  - feed: a
                    source: a.csv
                generator: {kind: authority, size: 10}
                truth: {file: truth.csv}
                targets: {precision: 0.999, recall: 0.998, review_share: 0.02}
                """);

            var exception = Should.Throw<ConfigurationException>(() => AccuracySet.Load(folder));

            exception.Message.ShouldContain("set.yaml");
            exception.Message.ShouldContain("deliveries");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
