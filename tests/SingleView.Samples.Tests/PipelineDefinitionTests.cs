using System.Globalization;
using SingleView.Core.Model;
using SingleView.Ingest.Definitions;
using SingleView.Samples.Feeds;

namespace SingleView.Samples.Tests;

public class PipelineDefinitionTests
{
    private static IEnumerable<string> Feeds() => FeedCatalogue.Names;

    [Test]
    public void LoadDirectory_Pipelines_DefinesEveryGeneratedFeedAndNoOther()
    {
        var feeds = GeneratedSample.Definitions.Select(d => d.Feed).Order(StringComparer.Ordinal);

        feeds.ShouldBe(FeedCatalogue.Names.Order(StringComparer.Ordinal));
    }

    [TestCaseSource(nameof(Feeds))]
    public void Definition_TransportPattern_MatchesTheGeneratedFileName(string feed)
    {
        _ = GeneratedSample.Summary;
        var definition = GeneratedSample.DefinitionOf(feed);
        var files = Directory.GetFiles(
            Path.Combine(GeneratedSample.Options.OutputDirectory, "drops", definition.Transport.DropFolder),
            definition.Transport.FilePattern);

        files.Select(Path.GetFileName).ShouldBe([$"{feed}_20250303.csv"]);
    }

    [TestCaseSource(nameof(Feeds))]
    public void Definition_EveryNamedColumn_IsInTheGeneratedHeader(string feed)
    {
        var definition = GeneratedSample.DefinitionOf(feed);
        var header = GeneratedSample.Extract(feed).Header;

        header.ShouldContain(definition.RecordIdColumn);
        foreach (var column in definition.SourceColumns.Concat(definition.RequiredColumns))
        {
            header.ShouldContain(column, $"{feed}: '{column}' is named in the definition but not written");
        }
    }

    [TestCaseSource(nameof(Feeds))]
    public void Definition_EveryDateCell_ParsesInTheDeclaredFormats(string feed)
    {
        var definition = GeneratedSample.DefinitionOf(feed);
        var extract = GeneratedSample.Extract(feed);
        var dateTargets = new[] { StandardFields.DateOfBirth, TargetFields.InvolvementStartDate, TargetFields.InvolvementEndDate };
        foreach (var column in dateTargets.Select(definition.ColumnFor).OfType<string>())
        {
            var formats = definition.Format.DateFormatsFor(column).ToArray();
            foreach (var cell in extract.Column(column).Where(c => c.Length > 0))
            {
                DateTime.TryParseExact(cell, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    .ShouldBeTrue($"{feed}.{column}: '{cell}' is not in {string.Join(" or ", formats)}");
            }
        }
    }

    [TestCaseSource(nameof(Feeds))]
    public void Definition_EveryCodedCell_HasAValueMapping(string feed)
    {
        var definition = GeneratedSample.DefinitionOf(feed);
        var extract = GeneratedSample.Extract(feed);
        foreach (var (target, mapping) in definition.Values)
        {
            var column = definition.ColumnFor(target)!;
            foreach (var cell in extract.Column(column).Where(c => c.Length > 0).Distinct())
            {
                mapping.ContainsKey(cell).ShouldBeTrue($"{feed}.{column}: '{cell}' has no entry under values.{target}");
            }
        }
    }

    [TestCaseSource(nameof(Feeds))]
    public void Definition_MapsTheCorePersonFieldsAndStatus(string feed)
    {
        var definition = GeneratedSample.DefinitionOf(feed);
        var personTargets = definition.Columns.Where(kv => TargetFields.Person.Contains(kv.Key)).Select(kv => kv.Key).ToHashSet();

        personTargets.ShouldContain(t => t == StandardFields.FamilyName || t == StandardFields.FullName);
        personTargets.ShouldContain(StandardFields.DateOfBirth);
        personTargets.ShouldContain(StandardFields.Address);
        personTargets.ShouldContain(StandardFields.Postcode);
        definition.Columns.Keys.ShouldContain(TargetFields.InvolvementStatus);
    }
}
