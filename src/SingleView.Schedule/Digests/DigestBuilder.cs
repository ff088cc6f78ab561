using System.Text.Json;
using Dapper;
using SingleView.Publish;
using SingleView.Schedule.Configuration;
using SingleView.Schedule.History;
using SingleView.Schedule.Storage;

namespace SingleView.Schedule.Digests;

/// <summary>
/// Makes the 07:00 digests: for each subscription, the remembered events first seen since its last
/// digest, for pupils on that school's current roll, that it has never been sent. Each digest and its
/// items are stored in one transaction before anything is sent, so a failed delivery is retried with
/// the same content and the unique (subscription, event) key stops any event going twice.
/// </summary>
public sealed class DigestBuilder(ServingDatabase database, AlertRules rules, Subscriptions subscriptions, TimeProvider timeProvider, int lookbackDays = 30)
{
    /// <summary>Creates (pending) the digests that have something to say; returns them.</summary>
    public async Task<IReadOnlyList<Digest>> BuildAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var earliest = Timestamps.Date(today.AddDays(-lookbackDays));
        var made = new List<Digest>();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rolls = await CurrentRollsAsync(connection, cancellationToken);
        foreach (var subscription in subscriptions.All)
        {
            var ruleNames = rules.Rules.Where(r => r.To.Contains(subscription.Audience, StringComparer.Ordinal)).Select(r => r.Name).ToArray();
            if (ruleNames.Length == 0) continue;
            var onRoll = rolls.GetValueOrDefault(subscription.SchoolUrn) ?? [];
            // "Since the last digest": an empty text sorts before every timestamp, for the first digest.
            var since = await connection.ExecuteScalarAsync<string?>(
                "SELECT MAX(created_at) FROM digest WHERE subscription = @Name", new { subscription.Name });
            var candidates = await connection.QueryAsync<CandidateRow>(new CommandDefinition(
                $"""
                SELECT e.event_key AS EventKey, e.golden_id AS GoldenId, e.kind AS Kind, e.event_date AS EventDate,
                       e.contact_name AS ContactName, e.contact_role AS ContactRole, e.contact_phone AS ContactPhone,
                       p.first_name AS FirstName, p.family_name AS FamilyName, p.date_of_birth AS DateOfBirth
                FROM alert_event e
                JOIN person p ON p.golden_id = e.golden_id
                WHERE {RunHistory.InList(database, "e.rule")}
                  AND e.event_date >= @Earliest
                  AND e.first_seen_at > @Since
                  AND NOT EXISTS (SELECT 1 FROM digest_item d WHERE d.subscription = @Name AND d.event_key = e.event_key)
                ORDER BY e.event_date, p.family_name, p.first_name, e.event_key
                """,
                new { Ids = ruleNames, Earliest = earliest, Since = since ?? string.Empty, subscription.Name },
                cancellationToken: cancellationToken));
            // Only pupils on the school's roll today: nothing for a pupil who has left, nothing of another school's.
            var items = candidates.Where(c => onRoll.Contains(c.GoldenId)).Select(c => c.ToItem()).ToList();
            if (items.Count == 0) continue;
            var digest = new Digest
            {
                DigestId = $"{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{subscription.Name}-{Guid.NewGuid().ToString("N")[..6]}",
                Subscription = subscription.Name,
                SchoolUrn = subscription.SchoolUrn,
                Recipient = subscription.Email,
                CreatedAt = now,
                Subject = DigestText.Subject(subscription.SchoolUrn, items.Count, today),
                Body = DigestText.Body(subscription.SchoolUrn, items, today),
                Items = items,
            };
            await DigestStore.InsertAsync(connection, digest, cancellationToken);
            made.Add(digest);
        }

        return made;
    }

    /// <summary>School URN to the golden IDs on its current roll, read as the view reads it (school feed, enrolment current).</summary>
    private static async Task<Dictionary<string, HashSet<string>>> CurrentRollsAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string GoldenId, string Details)>(new CommandDefinition(
            "SELECT golden_id, details FROM involvement WHERE service = @Service AND status = @Status",
            new { Service = "School", Status = "Current" },
            cancellationToken: cancellationToken));
        var rolls = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (goldenId, details) in rows)
        {
            var urn = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(details)?.GetValueOrDefault("school_urn") is { ValueKind: JsonValueKind.String } value
                ? value.GetString()
                : null;
            if (string.IsNullOrWhiteSpace(urn)) continue;
            if (!rolls.TryGetValue(urn.Trim(), out var roll)) rolls[urn.Trim()] = roll = new HashSet<string>(StringComparer.Ordinal);
            roll.Add(goldenId);
        }

        return rolls;
    }

    private sealed record CandidateRow
    {
        public string EventKey { get; init; } = "";
        public string GoldenId { get; init; } = "";
        public string Kind { get; init; } = "";
        public string EventDate { get; init; } = "";
        public string? ContactName { get; init; }
        public string? ContactRole { get; init; }
        public string? ContactPhone { get; init; }
        public string? FirstName { get; init; }
        public string? FamilyName { get; init; }
        public string? DateOfBirth { get; init; }

        public DigestItem ToItem() => new(
            EventKey,
            string.Join(' ', new[] { FirstName, FamilyName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : "(name not known)",
            DateOfBirth,
            Kind,
            EventDate,
            ContactName,
            ContactRole,
            ContactPhone);
    }
}
