using System.Text.Json;
using Dapper;
using SingleView.Core.Model;
using SingleView.Ingest.Definitions;
using SingleView.Match;
using SingleView.Match.Model;
using SingleView.Publish;
using SingleView.Publish.Decisions;

namespace SingleView.Refresh.Evaluation;

/// <summary>A pair as the nightly run stored it in match_pair: its decision, weight and the safeguards that acted.</summary>
public sealed record StoredPair(SourceRecordKey Left, SourceRecordKey Right, string Decision, double MatchWeight, double MatchProbability, IReadOnlyList<string> Safeguards, string? BlockingRule);

/// <summary>
/// The published run replayed for explaining: its records read from the lake's deliveries in use (as the
/// run read them, in the same order), the quarantine of those deliveries, people's decisions, the model
/// of the configuration, and the decisions the run stored. Nothing is written.
/// </summary>
public sealed class PublishedRun
{
    private readonly ServingDatabase database;

    private PublishedRun(ServingDatabase database, RunExplainer explainer, IReadOnlyDictionary<SourceRecordKey, string> quarantined)
    {
        this.database = database;
        Explainer = explainer;
        Quarantined = quarantined;
    }

    public RunExplainer Explainer { get; }

    /// <summary>The run's quarantined rows by record, with why.</summary>
    public IReadOnlyDictionary<SourceRecordKey, string> Quarantined { get; }

    public static async Task<PublishedRun> LoadAsync(
        ServingDatabase database, string lakeDirectory, MatchModel model, IReadOnlyList<FeedDefinition> definitions, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var deliveries = await RunDeliveries.LoadAsync(database, lakeDirectory, definitions, cancellationToken);
        var records = await deliveries.RecordsAsync(cancellationToken);
        var quarantined = await deliveries.QuarantinedAsync(definitions, cancellationToken);
        var constraints = await new MatchDecisionStore(database, timeProvider).LoadConstraintsAsync(cancellationToken);
        return new PublishedRun(database, new RunExplainer(model, records, constraints), quarantined);
    }

    /// <summary>The stored decision for the pair (either order), or null when the run neither linked nor queued it.</summary>
    public async Task<StoredPair?> StoredAsync(SourceRecordKey first, SourceRecordKey second, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<Row>(
            """
            SELECT feed_a AS FeedA, record_a AS RecordA, feed_b AS FeedB, record_b AS RecordB, decision AS Decision,
                   match_weight AS MatchWeight, match_probability AS MatchProbability, explanation AS Explanation
            FROM match_pair
            WHERE (feed_a = @FirstFeed AND record_a = @FirstId AND feed_b = @SecondFeed AND record_b = @SecondId)
               OR (feed_a = @SecondFeed AND record_a = @SecondId AND feed_b = @FirstFeed AND record_b = @FirstId)
            """,
            new { FirstFeed = first.Feed, FirstId = first.RecordId, SecondFeed = second.Feed, SecondId = second.RecordId });
        if (row is null) return null;
        using var explanation = JsonDocument.Parse(row.Explanation);
        var safeguards = explanation.RootElement.TryGetProperty("safeguards", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(s => s.GetString() ?? string.Empty).ToList()
            : [];
        var rule = explanation.RootElement.TryGetProperty("blocking_rule", out var blocking) ? blocking.GetString() : null;
        return new StoredPair(new SourceRecordKey(row.FeedA, row.RecordA), new SourceRecordKey(row.FeedB, row.RecordB), row.Decision, row.MatchWeight, row.MatchProbability, safeguards, rule);
    }

    private sealed record Row
    {
        public string FeedA { get; init; } = "";
        public string RecordA { get; init; } = "";
        public string FeedB { get; init; } = "";
        public string RecordB { get; init; } = "";
        public string Decision { get; init; } = "";
        public double MatchWeight { get; init; }
        public double MatchProbability { get; init; }
        public string Explanation { get; init; } = "";
    }
}
