using Dapper;
using SingleView.Core.Model;
using SingleView.Publish;
using SingleView.Publish.Decisions;
using SingleView.Serve.People;

namespace SingleView.Serve.Workbench;

/// <summary>One field of two records side by side; <see cref="Differs"/> when both hold a value and the values are not the same.</summary>
internal sealed record FieldPair(string Field, string? Left, string? Right)
{
    /// <summary>What a side shows in place of a restricted person's address or contact details.</summary>
    public const string WithheldValue = "Withheld";

    /// <summary>A side is withheld (<see cref="Access.WithheldValues"/>): nothing about the value is compared in the open.</summary>
    public bool Withheld => Left == WithheldValue || Right == WithheldValue;

    public bool Differs => !Withheld && Left is not null && Right is not null && !string.Equals(Left.Trim(), Right.Trim(), StringComparison.OrdinalIgnoreCase);

    public bool OneMissing => !Withheld && (Left is null) != (Right is null);
}

/// <summary>What the officer sees of a pair: the fields side by side, the waterfall, the decisions so far and the state to decide against.</summary>
internal sealed record PairDetailView(
    PairKeys Pair,
    IReadOnlyList<FieldPair> Fields,
    string? ModelDecision,
    double? MatchWeight,
    double? MatchProbability,
    double? Prior,
    IReadOnlyList<ComparisonView> Waterfall,
    IReadOnlyList<RecordedMatchDecision> History,
    string State);

internal sealed class PairDetail(ServingDatabase database, TimeProvider timeProvider, Data.ServingReader reader)
{
    private static readonly string[] Fields =
        ["first_name", "middle_names", "family_name", "date_of_birth", "gender", "address", "postcode", "nhs_number", "upn", "case_person_id", "phone", "email", "source_system", "extract_date", "golden_id"];

    /// <summary>The pair, or null when either record is not in the published data.</summary>
    public async Task<PairDetailView?> LoadAsync(PairKeys pair, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var left = await RecordAsync(connection, pair.Left, cancellationToken);
        var right = await RecordAsync(connection, pair.Right, cancellationToken);
        if (left is null || right is null) return null;
        var withheld = await reader.WithheldValuesAsync(cancellationToken);
        Withhold(left, withheld);
        Withhold(right, withheld);
        var match = await connection.QuerySingleOrDefaultAsync<MatchRow>(new CommandDefinition(
            """
            SELECT decision AS Decision, match_weight AS MatchWeight, match_probability AS MatchProbability, explanation AS Explanation FROM match_pair
            WHERE (feed_a = @LeftFeed AND record_a = @LeftId AND feed_b = @RightFeed AND record_b = @RightId)
               OR (feed_a = @RightFeed AND record_a = @RightId AND feed_b = @LeftFeed AND record_b = @LeftId)
            """,
            new { LeftFeed = pair.Left.Feed, LeftId = pair.Left.RecordId, RightFeed = pair.Right.Feed, RightId = pair.Right.RecordId },
            cancellationToken: cancellationToken));
        var (prior, _, waterfall) = MatchExplanation.Read(match?.Explanation);
        var history = await new MatchDecisionStore(database, timeProvider).HistoryAsync(pair.Left, pair.Right, cancellationToken);
        var live = history.LastOrDefault(d => !d.IsWithdrawn);
        return new PairDetailView(
            pair,
            Fields.Select(f => new FieldPair(f, left.GetValueOrDefault(f), right.GetValueOrDefault(f))).ToList(),
            match?.Decision,
            match?.MatchWeight,
            match?.MatchProbability,
            prior,
            waterfall,
            history,
            live?.DecisionId ?? PairKeys.NoDecision);
    }

    /// <summary>A record's home (address and postcode together), phone and e-mail, where they are a restricted person's.</summary>
    private static void Withhold(Dictionary<string, string?> record, Access.WithheldValues withheld)
    {
        var restricted = record.GetValueOrDefault("restricted") is { } flag && flag != "0";
        if (restricted || withheld.WithholdsHome(record.GetValueOrDefault("address"), record.GetValueOrDefault("postcode")))
        {
            foreach (var field in new[] { "address", "postcode" }) record[field] = record.GetValueOrDefault(field) is null ? null : FieldPair.WithheldValue;
        }

        foreach (var field in new[] { "phone", "email" })
        {
            if (record.GetValueOrDefault(field) is { } value && (restricted || withheld.Mentions(value))) record[field] = FieldPair.WithheldValue;
        }
    }

    private static async Task<Dictionary<string, string?>?> RecordAsync(System.Data.Common.DbConnection connection, SourceRecordKey key, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync(new CommandDefinition(
            """
            SELECT first_name, middle_names, family_name, date_of_birth, gender, address, postcode, nhs_number, upn, case_person_id,
                   phone, email, source_system, extract_date, golden_id, restricted
            FROM source_record WHERE feed = @Feed AND record_id = @RecordId
            """,
            new { key.Feed, key.RecordId },
            cancellationToken: cancellationToken));
        if (row is null) return null;
        var values = (IDictionary<string, object?>)row;
        return values.ToDictionary(p => p.Key, p => p.Value is null ? null : Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    private sealed record MatchRow
    {
        public string Decision { get; init; } = "";
        public double MatchWeight { get; init; }
        public double MatchProbability { get; init; }
        public string Explanation { get; init; } = "";
    }
}
