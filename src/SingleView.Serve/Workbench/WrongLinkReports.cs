using System.Globalization;
using Dapper;
using SingleView.Core.Model;
using SingleView.Publish;
using SingleView.Serve.Access;

namespace SingleView.Serve.Workbench;

/// <summary>A "this is not the same person" report as the officer's queue shows it.</summary>
internal sealed record WrongLinkReport(
    string ReportId, string GoldenId, string? FirstRecord, string? SecondRecord, string Comment,
    string ReportedBy, string ReportedByName, string ReportedRole, string ReportedAt, string? ResolvedBy, string? ResolvedAt);

/// <summary>Reports of wrong links from any signed-in user, kept until an officer marks them dealt with.</summary>
internal sealed class WrongLinkReports(ServingDatabase database, TimeProvider timeProvider)
{
    public const int MaximumComment = 2000;

    /// <summary>Files a report; null and a message when the report is not acceptable.</summary>
    public async Task<(WrongLinkReport? Report, string? Problem)> FileAsync(
        Viewer viewer, string goldenId, string? firstRecord, string? secondRecord, string? comment, CancellationToken cancellationToken)
    {
        var first = Optional(firstRecord);
        var second = Optional(secondRecord);
        if (first is not null && !SourceRecordKey.TryParse(first, out _)) return (null, "The first record must be written feed:record id.");
        if (second is not null && !SourceRecordKey.TryParse(second, out _)) return (null, "The second record must be written feed:record id.");
        var text = (comment ?? "").Trim();
        if (text.Length > MaximumComment) return (null, $"Keep the comment under {MaximumComment} characters.");
        if (text.Length == 0) text = "(no comment)";
        var report = new WrongLinkReport(
            "WL" + Guid.NewGuid().ToString("N"), goldenId, first, second, text, viewer.Subject, viewer.Name, viewer.Role.Key,
            timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), null, null);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO wrong_link_report (report_id, golden_id, first_record, second_record, comment, reported_by, reported_by_name, reported_role, reported_at)
            VALUES (@ReportId, @GoldenId, @FirstRecord, @SecondRecord, @Comment, @ReportedBy, @ReportedByName, @ReportedRole, @ReportedAt)
            """,
            report,
            cancellationToken: cancellationToken));
        return (report, null);
    }

    public async Task<IReadOnlyList<WrongLinkReport>> OpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WrongLinkReport>(new CommandDefinition(
            """
            SELECT report_id AS ReportId, golden_id AS GoldenId, first_record AS FirstRecord, second_record AS SecondRecord, comment AS Comment,
                   reported_by AS ReportedBy, reported_by_name AS ReportedByName, reported_role AS ReportedRole, reported_at AS ReportedAt,
                   resolved_by AS ResolvedBy, resolved_at AS ResolvedAt
            FROM wrong_link_report WHERE resolved_at IS NULL ORDER BY reported_at, report_id
            """,
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<bool> ResolveAsync(string reportId, Viewer viewer, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE wrong_link_report SET resolved_by = @By, resolved_at = @At WHERE report_id = @ReportId AND resolved_at IS NULL",
            new { ReportId = reportId, By = viewer.Subject, At = timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The records of a person, for the officer to pick the pair the report is about.</summary>
    public async Task<IReadOnlyList<string>> RecordsOfAsync(string goldenId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Feed, string RecordId)>(new CommandDefinition(
            "SELECT feed, record_id FROM source_record WHERE golden_id = @GoldenId ORDER BY feed, record_id",
            new { GoldenId = goldenId },
            cancellationToken: cancellationToken));
        return rows.Select(r => $"{r.Feed}:{r.RecordId}").ToList();
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
