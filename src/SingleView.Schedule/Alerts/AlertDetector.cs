using System.Globalization;
using System.Text.Json;
using Dapper;
using SingleView.Publish;
using SingleView.Schedule.Configuration;
using SingleView.Schedule.Storage;

namespace SingleView.Schedule.Alerts;

/// <summary>
/// After each refresh, finds the events the alert rules name in the published data and remembers each
/// with when it was first seen. An event already remembered is only marked as still seen, so a nightly
/// re-publication of the same incident is never new again.
/// </summary>
public sealed class AlertDetector(ServingDatabase database, AlertRules rules, TimeProvider timeProvider)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "yyyyMMdd", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>Returns how many events were seen for the first time.</summary>
    public async Task<int> DetectAsync(string runId, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var created = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var rule in rules.Rules)
        {
            var records = await connection.QueryAsync<PublishedInvolvement>(new CommandDefinition(
                """
                SELECT i.feed AS Feed, i.record_id AS RecordId, i.golden_id AS GoldenId, i.status AS Status, i.nature AS Nature,
                       i.start_date AS StartDate, i.end_date AS EndDate, i.organisation AS Organisation, i.contact_name AS ContactName,
                       i.contact_role AS ContactRole, i.contact_phone AS ContactPhone, i.details AS Details,
                       s.extract_date AS ExtractDate, p.kind AS PersonKind
                FROM involvement i
                JOIN person p ON p.golden_id = i.golden_id
                LEFT JOIN source_record s ON s.feed = i.feed AND s.record_id = i.record_id
                WHERE i.feed = @Feed
                """,
                new { rule.Feed },
                cancellationToken: cancellationToken));
            var events = records
                .Select(r => (Record: r, Values: r.Values()))
                .Where(r => rule.Matches(field => r.Values.GetValueOrDefault(field)))
                .Select(r => ToEvent(rule, r.Record, r.Values, today))
                .DistinctBy(e => e.EventKey)
                .ToList();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var found in events)
            {
                var parameters = new
                {
                    found.EventKey,
                    Rule = rule.Name,
                    rule.Kind,
                    found.Feed,
                    found.RecordId,
                    found.GoldenId,
                    found.EventDate,
                    found.ContactName,
                    found.ContactRole,
                    found.ContactPhone,
                    Now = Timestamps.Text(now),
                    RunId = runId,
                };
                created += await connection.ExecuteAsync(
                    """
                    INSERT INTO alert_event (event_key, rule, kind, feed, record_id, golden_id, event_date, contact_name, contact_role, contact_phone,
                        first_seen_at, first_seen_run, last_seen_at)
                    VALUES (@EventKey, @Rule, @Kind, @Feed, @RecordId, @GoldenId, @EventDate, @ContactName, @ContactRole, @ContactPhone, @Now, @RunId, @Now)
                    ON CONFLICT (event_key) DO NOTHING
                    """,
                    parameters,
                    transaction);
                // Seen again: the person's golden ID or the contact may have changed since; first_seen_at never does.
                await connection.ExecuteAsync(
                    """
                    UPDATE alert_event SET last_seen_at = @Now, golden_id = @GoldenId, contact_name = @ContactName,
                        contact_role = @ContactRole, contact_phone = @ContactPhone
                    WHERE event_key = @EventKey
                    """,
                    parameters,
                    transaction);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return created;
    }

    /// <summary>Forgets events not seen in the published data since the cut-off.</summary>
    public async Task<int> ForgetNotSeenSinceAsync(DateTimeOffset cutOff, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM alert_event WHERE last_seen_at < @CutOff", new { CutOff = Timestamps.Text(cutOff) });
    }

    private static DetectedEvent ToEvent(AlertRule rule, PublishedInvolvement record, IReadOnlyDictionary<string, string> values, DateOnly today)
    {
        var date = (rule.DateField is { } field ? ParseDate(values.GetValueOrDefault(field)) : null)
            ?? ParseDate(record.ExtractDate)
            ?? today;
        var eventDate = Timestamps.Date(date);
        return new DetectedEvent(
            $"{rule.Name}|{record.Feed}|{record.RecordId}|{eventDate}",
            record.Feed,
            record.RecordId,
            record.GoldenId,
            eventDate,
            record.ContactName,
            record.ContactRole,
            record.ContactPhone);
    }

    internal static DateOnly? ParseDate(string? text) =>
        !string.IsNullOrWhiteSpace(text) && DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private sealed record DetectedEvent(string EventKey, string Feed, string RecordId, string GoldenId, string EventDate, string? ContactName, string? ContactRole, string? ContactPhone);

    private sealed record PublishedInvolvement
    {
        public string Feed { get; init; } = "";
        public string RecordId { get; init; } = "";
        public string GoldenId { get; init; } = "";
        public string? Status { get; init; }
        public string? Nature { get; init; }
        public string? StartDate { get; init; }
        public string? EndDate { get; init; }
        public string? Organisation { get; init; }
        public string? ContactName { get; init; }
        public string? ContactRole { get; init; }
        public string? ContactPhone { get; init; }
        public string? Details { get; init; }
        public string? ExtractDate { get; init; }
        public string? PersonKind { get; init; }

        /// <summary>The record's values under the names rules use (see <see cref="AlertFields"/>).</summary>
        public Dictionary<string, string> Values()
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            void Add(string name, string? value)
            {
                if (!string.IsNullOrWhiteSpace(value)) values[name] = value;
            }

            Add("involvement.status", Status);
            Add("involvement.nature", Nature);
            Add("involvement.start_date", StartDate);
            Add("involvement.end_date", EndDate);
            Add("involvement.organisation", Organisation);
            Add(AlertFields.PersonKind, PersonKind);
            if (!string.IsNullOrWhiteSpace(Details))
            {
                foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Details) ?? [])
                {
                    Add(AlertFields.DetailPrefix + name, value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString());
                }
            }

            return values;
        }
    }
}
