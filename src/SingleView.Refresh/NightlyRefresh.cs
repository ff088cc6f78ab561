using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SingleView.Core.Model;
using SingleView.Golden;
using SingleView.Golden.Families;
using SingleView.Golden.Identity;
using SingleView.Golden.Survivorship;
using SingleView.Ingest.Definitions;
using SingleView.Ingest.Zones;
using SingleView.Match;
using SingleView.Match.Model;
using SingleView.Publish;
using SingleView.Publish.Decisions;
using SingleView.Publish.Identity;
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
        var identityStore = new GoldenIdStore(database);
        var runId = await identityStore.UnusedRunIdAsync(
            options.RunId ?? timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), cancellationToken);
        var constraints = await new MatchDecisionStore(database, timeProvider).LoadConstraintsAsync(cancellationToken);
        Stage("configuration loaded");

        var feeds = await IngestAsync(definitions, options, await PublishedFeedDatesAsync(database, cancellationToken), cancellationToken);
        var records = feeds.SelectMany(f => f.Records).ToList();
        Stage($"ingested {feeds.Count} feeds, {records.Count} records");

        MatchResult? match = new MatchEngine(matchModel).Run(records, constraints, warning => logger.LogWarning("{Warning}", warning));
        Stage($"matched: {match.Linked} links, {match.ReviewPairs} for review");

        // The match's working structures (candidate blocks, prepared records) are garbage now: collected here,
        // once, the golden stages start from the records and pairs alone (at a million records families
        // peaked at 3.1 GiB without this, 2.8 with it; the collection costs about 2 CPU-s).
        CollectGarbage();

        // Last night's membership is read before tonight's publication replaces it.
        GoldenIdHistory? history = await identityStore.LoadHistoryAsync(cancellationToken);
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var (publication, report) = Merge(runId, feeds, records, match, history, survivorship, constraints, stages, Stage, today);

        // Held no longer than needed: what the publish writes is in the publication (the pairs until they are
        // written), and at a million records the match's clusters and pairs are a large part of the heap.
        (match, history) = (null, null);
        var publishSteps = new List<StageTiming>();
        using var process = Process.GetCurrentProcess();
        var processorTime = process.TotalProcessorTime;
        void PublishStep(string step, TimeSpan duration)
        {
            process.Refresh();
            var now = process.TotalProcessorTime;
            publishSteps.Add(new StageTiming(step, duration) { Cpu = now - processorTime });
            processorTime = now;
        }

        // Likewise the golden stages' garbage and the match result's, before the publish adds SQLite's cache and
        // its own rows: at a million records the publish peaked at 3.5 GiB without this, 2.7 with it (1.8 CPU-s).
        CollectGarbage();
        var publisher = new ServingPublisher(database, timeProvider) { StepCompleted = PublishStep };
        var publicationId = await publisher.PublishAsync(publication, cancellationToken);
        Stage($"published to {database}");
        await WitnessAccessLogAsync(options, cancellationToken);

        return report with { PublicationId = publicationId, PublishSteps = publishSteps };
    }

    /// <summary>
    /// Each published night anchors the access log's head in the witness file, so cutting entries from the end of
    /// the log shows at the next <c>audit verify</c>. Published already: a witness that cannot be written is a warning.
    /// </summary>
    private async Task WitnessAccessLogAsync(RefreshOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await AccessLogWitness.RecordAsync(options.ResolvedDatabase, options.ResolvedAuditWitness, "publish", timeProvider, cancellationToken);
            if (problem is not null) logger.LogWarning("Access log: {Problem}", problem);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or System.Data.Common.DbException)
        {
            logger.LogWarning("Access log witness {Path} not recorded: {Message}", options.ResolvedAuditWitness, exception.Message);
        }
    }

    /// <summary>
    /// A full, compacting collection that gives the freed memory back to the system. Only between stages, where
    /// a stage's large structures have just died: the run is a batch, and left to itself the collector lets
    /// the heap grow by a gigabyte of them before a full collection, which is the refresh's peak.
    /// </summary>
    private static void CollectGarbage() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>
    /// Golden IDs, golden records and families, and the publication and report made of them; not async,
    /// so nothing it uses along the way (the clusters, the match result) outlives it.
    /// </summary>
    private static (Publication Publication, RefreshReport Report) Merge(
        string runId,
        IReadOnlyList<StandardisedFeed> feeds,
        List<PersonRecord> records,
        MatchResult match,
        GoldenIdHistory history,
        SurvivorshipRules survivorship,
        Match.Constraints.MatchConstraints constraints,
        List<StageTiming> stages,
        Action<string> stage,
        DateOnly today)
    {
        var clusters = match.People.Select(p => (IReadOnlyList<SourceRecordKey>)p.Select(r => r.Key).ToList()).ToList();
        var identity = GoldenIdAssigner.Assign(clusters, history);
        stage($"golden IDs: {identity.Events.Count} changes, {identity.Redirects.Count} redirects");

        var builder = new GoldenRecordBuilder(survivorship);
        var people = new GoldenRecord[match.People.Count];

        // Compact: each field's lineage is made again when the publish writes it, not held for every person.
        Parallel.For(0, people.Length, i => people[i] = builder.BuildCompact(match.People[i], today, identity.Ids[i]));
        stage($"built {people.Length} golden records");

        var families = FamilyBuilder.Build(people, records);
        for (var i = 0; i < people.Length; i++)
        {
            if (families.FamilyOf.TryGetValue(people[i].GoldenId, out var family)) people[i] = people[i] with { FamilyId = family };
        }

        stage($"built {families.Families.Count} families");

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
            Pairs = new PublishedPairs(match.Pairs),
            Identity = identity,
        };
        return (publication, RefreshReports.Create(runId, 0, feeds, match, people, families, identity, constraints, stages));
    }

    private Task<IReadOnlyList<StandardisedFeed>> IngestAsync(
        IReadOnlyList<FeedDefinition> definitions, RefreshOptions options, IReadOnlyDictionary<string, DateOnly?> published, CancellationToken cancellationToken)
    {
        var processor = new FeedProcessor(new Lake(options.LakeDirectory), timeProvider, loggerFactory.CreateLogger<FeedProcessor>());
        return new IngestStage(processor, loggerFactory.CreateLogger<IngestStage>()).RunAsync(definitions, options.ResolvedDropRoot, cancellationToken, published);
    }

    /// <summary>
    /// The delivery date each feed's published data is current as of. A delivery the lake holds but the view has never
    /// shown (standardised by a run killed before it published, or by <c>ingest</c> alone) is then tonight's news.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, DateOnly?>> PublishedFeedDatesAsync(ServingDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await Dapper.SqlMapper.QueryAsync<(string Feed, string? CurrentAsOf)>(
            connection, new Dapper.CommandDefinition("SELECT feed, current_as_of FROM feed_status", cancellationToken: cancellationToken));
        return rows.ToDictionary(
            r => r.Feed,
            r => r.CurrentAsOf is { Length: > 0 } date ? DateOnly.Parse(date[..10], CultureInfo.InvariantCulture) : (DateOnly?)null,
            StringComparer.Ordinal);
    }
}
