using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SingleView.Core.Model;
using SingleView.Golden;
using SingleView.Golden.Families;
using SingleView.Golden.Survivorship;
using SingleView.Ingest.Definitions;
using SingleView.Ingest.Zones;
using SingleView.Match;
using SingleView.Match.Model;
using SingleView.Match.Scoring;
using SingleView.Publish;
using SingleView.Standardise;

namespace SingleView.Refresh;

/// <summary>
/// One full refresh: every feed into the lake and the common model, then match, golden records and
/// families, then one atomic publish. A broken or missing feed does not stop the others; a failure
/// after ingest publishes nothing, so the previous view stays in service.
/// </summary>
public sealed class NightlyRefresh(TimeProvider timeProvider, ILoggerFactory loggerFactory)
{
    private readonly ILogger logger = loggerFactory.CreateLogger<NightlyRefresh>();

    public async Task<RefreshReport> RunAsync(RefreshOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var stages = new List<StageTiming>();
        var clock = Stopwatch.StartNew();
        void Stage(string name)
        {
            stages.Add(new StageTiming(name, clock.Elapsed));
            clock.Restart();
            progress?.Report(name);
        }

        // Configuration first: a bad file stops the run before anything is touched.
        var definitions = FeedDefinitionLoader.LoadDirectory(options.PipelinesDirectory);
        var matchModel = MatchModelLoader.LoadDirectory(options.ConfigDirectory);
        var survivorship = SurvivorshipRules.LoadDirectory(options.ConfigDirectory);
        Directory.CreateDirectory(options.DataDirectory);
        var database = options.ResolvedDatabase;
        await new MigrationRunner(database, timeProvider).ApplyAsync(cancellationToken);
        var runId = timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Stage("configuration loaded");

        var feeds = await IngestAsync(definitions, options, cancellationToken);
        var records = feeds.SelectMany(f => f.Records).ToList();
        Stage($"ingested {feeds.Count} feeds, {records.Count} records");

        var match = new MatchEngine(matchModel).Run(records, warning => logger.LogWarning("{Warning}", warning));
        Stage($"matched: {match.Linked} links, {match.ReviewPairs} for review");

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var builder = new GoldenRecordBuilder(survivorship);
        var people = match.People.Select(p => builder.Build(p, today)).ToList();
        var families = FamilyBuilder.Build(people, records);
        people = people.Select(p => families.FamilyOf.TryGetValue(p.GoldenId, out var family) ? p with { FamilyId = family } : p).ToList();
        Stage($"built {people.Count} golden records, {families.Families.Count} families");

        var publication = new Publication
        {
            RunId = runId,
            People = people,
            SourceRecords = records,
            Families = families.Families,
            Relationships = families.Relationships,
            Feeds = feeds.Select(f => new PublishedFeed(
                f.Coverage,
                f.Definition.LaunchUrl,
                f.Definition.Governance.LegalBasis,
                f.Definition.Governance.SharingAgreement,
                f.Definition.Governance.DataOwner,
                f.Definition.Governance.RetentionDays)).ToList(),
            Pairs = match.Pairs.Select(p => new PublishedPair(
                p.Left,
                p.Right,
                p.Decision == MatchDecision.Linked ? "link" : "review",
                p.Explanation.MatchWeight,
                p.Explanation.MatchProbability,
                ExplanationJson.Serialise(p))).ToList(),
        };
        var publicationId = await new ServingPublisher(database, timeProvider).PublishAsync(publication, cancellationToken);
        Stage($"published to {database}");

        return new RefreshReport
        {
            RunId = runId,
            Feeds = feeds.Select(f => f.Coverage).ToList(),
            SourceRecords = records.Count,
            CandidatePairs = match.CandidatePairs,
            LinkedPairs = match.Linked,
            ReviewPairs = match.ReviewPairs,
            GoldenRecords = people.Count,
            Children = people.Count(p => p.Kind == PersonKind.Child),
            Adults = people.Count(p => p.Kind == PersonKind.Adult),
            Families = families.Families.Count,
            Unmatchable = match.Unmatchable,
            PublicationId = publicationId,
            Stages = stages,
        };
    }

    private Task<IReadOnlyList<StandardisedFeed>> IngestAsync(IReadOnlyList<FeedDefinition> definitions, RefreshOptions options, CancellationToken cancellationToken)
    {
        var processor = new FeedProcessor(new Lake(options.LakeDirectory), timeProvider, loggerFactory.CreateLogger<FeedProcessor>());
        return new IngestStage(processor, loggerFactory.CreateLogger<IngestStage>()).RunAsync(definitions, options.ResolvedDropRoot, cancellationToken);
    }
}
