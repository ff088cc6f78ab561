using Dapper;
using SingleView.Core.Model;
using SingleView.Core.Standardisation;
using SingleView.Ingest.Zones;
using SingleView.Publish;

namespace SingleView.Serve.Quality;

/// <summary>
/// Per feed, per delivery and over deliveries: completeness of the identifying fields, validity of NHS
/// numbers, UPNs, phone numbers and e-mails, quarantined rows and why, duplicates within a delivery (the
/// same name and date of birth, or the same NHS number or UPN, on two records), held and late deliveries —
/// from the lake — and the share of records linked to other feeds, from the published data.
/// </summary>
internal sealed class QualityReports(
    ServingDatabase database, string? lakeDirectory, IReadOnlyDictionary<string, TimeOnly>? cutOffs = null, Data.ServingReader? withheldFrom = null)
{
    /// <summary>What a quarantined row that holds a restricted person's value shows instead of its text.</summary>
    internal const string WithheldRow = "(withheld: the row holds a restricted person's address or contact details)";

    /// <summary>A delivery received more than this after its delivery date counts as late, where its feed declares no cut-off.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromDays(1);

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>
    /// Late by the feed's own contract (pipelines/*.yaml expected_by): a nightly extract dated D is due
    /// by the cut-off on the morning of D+1, London time. Without a cut-off, more than a day after D+1.
    /// </summary>
    internal bool IsLate(string feed, DateOnly deliveryDate, DateTimeOffset receivedAt)
    {
        var due = cutOffs is not null && cutOffs.TryGetValue(feed, out var cutOff)
            ? deliveryDate.AddDays(1).ToDateTime(cutOff)
            : deliveryDate.AddDays(1).ToDateTime(TimeOnly.MinValue) + LateAfter;
        return TimeZoneInfo.ConvertTime(receivedAt, London).DateTime > due;
    }

    /// <summary>A feed name as pipelines/*.yaml name them; anything else (a path, "..") never reaches the lake.</summary>
    public static bool IsFeedName(string? feed) =>
        feed is { Length: > 0 and <= 64 } && feed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public bool HasLake => lakeDirectory is not null && Directory.Exists(lakeDirectory);

    public async Task<IReadOnlyList<string>> FeedsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var feeds = (await connection.QueryAsync<string>(new CommandDefinition("SELECT feed FROM feed_status UNION SELECT DISTINCT feed FROM source_record", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        if (HasLake)
        {
            var lake = new Lake(lakeDirectory!);
            foreach (var zone in new[] { lake.RawZone, lake.StandardisedZone })
            {
                if (Directory.Exists(zone)) feeds.UnionWith(Directory.EnumerateDirectories(zone).Select(Path.GetFileName)!);
            }
        }

        return feeds.Order(StringComparer.Ordinal).ToList();
    }

    public async Task<FeedQuality> ForFeedAsync(string feed, CancellationToken cancellationToken)
    {
        if (!IsFeedName(feed)) throw new ArgumentException($"'{feed}' is not a feed name.", nameof(feed));
        await using var connection = await database.OpenAsync(cancellationToken);
        var status = await connection.QuerySingleOrDefaultAsync<(string State, string? Message)?>(new CommandDefinition(
            "SELECT state, message FROM feed_status WHERE feed = @Feed", new { Feed = feed }, cancellationToken: cancellationToken));
        var published = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM source_record WHERE feed = @Feed", new { Feed = feed }, cancellationToken: cancellationToken));
        var linked = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM source_record s WHERE s.feed = @Feed AND EXISTS (SELECT 1 FROM source_record o WHERE o.golden_id = s.golden_id AND o.feed <> s.feed)",
            new { Feed = feed }, cancellationToken: cancellationToken));
        var deliveries = HasLake ? Deliveries(new Lake(lakeDirectory!), feed) : [];
        if (withheldFrom is not null) deliveries = Withhold(deliveries, await withheldFrom.WithheldValuesAsync(cancellationToken));
        return new FeedQuality(feed, status?.State, status?.Message, (int)published, (int)linked, deliveries);
    }

    // A quarantined row is the partner's raw text: a restricted person's address in it is withheld like anywhere else.
    private static List<DeliveryQuality> Withhold(List<DeliveryQuality> deliveries, Access.WithheldValues withheld) =>
        deliveries.Select(d => d with
        {
            QuarantinedRows = d.QuarantinedRows
                .Select(q => withheld.Mentions(q.RawText) || withheld.Mentions(q.Reason) ? q with { RawText = WithheldRow, Reason = withheld.Mentions(q.Reason) ? WithheldRow : q.Reason } : q)
                .ToList(),
        }).ToList();

    private List<DeliveryQuality> Deliveries(Lake lake, string feed)
    {
        var standardised = lake.StandardisedDeliveries(feed).ToDictionary(d => (d.DeliveryDate, d.FileName));
        var raw = lake.RawDeliveries(feed);
        var result = new List<DeliveryQuality>();
        foreach (var delivery in raw)
        {
            var late = IsLate(feed, delivery.DeliveryDate, delivery.Manifest.ReceivedAt);
            result.Add(standardised.Remove((delivery.DeliveryDate, delivery.FileName), out var output)
                ? Measure(feed, output.DeliveryDate, output.FileName, delivery.Manifest.ReceivedAt, late, output.Path, output.QuarantinePath)
                : Held(feed, delivery.DeliveryDate, delivery.FileName, delivery.Manifest.ReceivedAt, late));
        }

        // Standardised files whose raw file has gone (retention) still belong to the trend.
        result.AddRange(standardised.Values.Select(d => Measure(feed, d.DeliveryDate, d.FileName, null, false, d.Path, d.QuarantinePath)));
        return result.OrderBy(d => d.DeliveryDate).ThenBy(d => d.FileName, StringComparer.Ordinal).ToList();
    }

    private static DeliveryQuality Held(string feed, DateOnly date, string fileName, DateTimeOffset receivedAt, bool late) =>
        new(feed, date, fileName, receivedAt, true, late, 0, [], 0, new Dictionary<string, int>(), [], 0);

    internal static DeliveryQuality Measure(string feed, DateOnly date, string fileName, DateTimeOffset? receivedAt, bool late, string standardisedPath, string quarantinePath)
    {
        var records = File.Exists(standardisedPath) ? LakeReader.Records(standardisedPath).ToList() : [];
        var quarantined = LakeReader.Quarantine(quarantinePath);
        return new DeliveryQuality(
            feed, date, fileName, receivedAt, false, late, records.Count, Fields(records), quarantined.Count,
            quarantined.GroupBy(q => ReasonKind(q.Reason)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            quarantined, Duplicates(records));
    }

    internal static IReadOnlyList<FieldMeasure> Fields(IReadOnlyList<PersonRecord> records) =>
    [
        Completeness("first_name", records, r => r.FirstName),
        Completeness("family_name", records, r => r.FamilyName),
        // A date of birth the standardiser could not accept is left empty with a warning: present, not valid.
        Validity("date_of_birth", records, r => r.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), _ => true),
        Completeness("address", records, r => r.Address),
        new FieldMeasure("postcode", records.Count(r => !string.IsNullOrWhiteSpace(r.Postcode)), records.Count(r => !string.IsNullOrWhiteSpace(r.Postcode) && !r.PostcodeInvalid), true),
        Completeness("gender", records, r => r.Gender == Gender.Unknown ? null : r.Gender.ToString()),
        Validity("nhs_number", records, r => r.NhsNumber, NhsNumber.IsValid),
        Validity("upn", records, r => r.Upn, UniquePupilNumber.IsValid),
        Validity("phone", records, r => r.Phone, p => ContactDetails.IsValidPhone(new string(p!.Where(char.IsAsciiDigit).ToArray()))),
        Validity("email", records, r => r.Email, ContactDetails.IsValidEmail),
    ];

    private static FieldMeasure Completeness(string field, IReadOnlyList<PersonRecord> records, Func<PersonRecord, string?> value)
    {
        var present = records.Count(r => !string.IsNullOrWhiteSpace(value(r)));
        return new FieldMeasure(field, present, present, false);
    }

    /// <summary>
    /// Present: the record holds a value or the standardiser warned about one it could not keep; valid: the value
    /// passes its check. The standardiser drops invalid identifiers with a warning naming the field.
    /// </summary>
    private static FieldMeasure Validity(string field, IReadOnlyList<PersonRecord> records, Func<PersonRecord, string?> value, Func<string?, bool> isValid)
    {
        var present = records.Count(r => !string.IsNullOrWhiteSpace(value(r)) || r.Warnings.Any(w => w.StartsWith(field + ":", StringComparison.Ordinal)));
        var valid = records.Count(r => !string.IsNullOrWhiteSpace(value(r)) && isValid(value(r)));
        return new FieldMeasure(field, present, valid, true);
    }

    /// <summary>Records beyond the first sharing an NHS number, a UPN, or a full name and date of birth.</summary>
    internal static int Duplicates(IReadOnlyList<PersonRecord> records)
    {
        var duplicates = new HashSet<SourceRecordKey>();
        Mark(records.Where(r => !string.IsNullOrWhiteSpace(r.NhsNumber)).GroupBy(r => r.NhsNumber));
        Mark(records.Where(r => !string.IsNullOrWhiteSpace(r.Upn)).GroupBy(r => r.Upn));
        Mark(records.Where(r => r.DateOfBirth is not null && !string.IsNullOrWhiteSpace(r.FirstName) && !string.IsNullOrWhiteSpace(r.FamilyName))
            .GroupBy(r => $"{r.FirstName!.Trim().ToUpperInvariant()}|{r.FamilyName!.Trim().ToUpperInvariant()}|{r.DateOfBirth}"));
        return duplicates.Count;

        void Mark<TKey>(IEnumerable<IGrouping<TKey, PersonRecord>> groups)
        {
            foreach (var group in groups) duplicates.UnionWith(group.Skip(1).Select(r => r.Key));
        }
    }

    /// <summary>The reason without the row's own values, so that reasons group ("first_name: missing").</summary>
    private static string ReasonKind(string reason)
    {
        var quote = reason.IndexOf('\'', StringComparison.Ordinal);
        return (quote > 0 ? reason[..quote] : reason).Trim().TrimEnd(':').Trim();
    }
}
